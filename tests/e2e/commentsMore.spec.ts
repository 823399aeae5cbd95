import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";

/** Adds an item through the toolbar and names it; returns its bar. */
async function addNamedItem(page: Page, title: string) {
  await page.getByRole("button", { name: "Add item" }).click();
  const field = page.getByLabel("Title", { exact: true });
  await field.fill(title);
  await field.press("Enter");
  const bar = barNamed(page, title);
  await expect(bar).toBeVisible();
  return bar;
}

/** Starts a thread on the selected item from its Comments tab. */
async function commentOnSelected(page: Page, text: string) {
  await page.getByTestId("item-tab-comments").click();
  const panel = page.getByTestId("item-comments");
  await panel.getByTestId("comment-editor").click();
  await page.keyboard.type(text);
  await panel.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(panel.getByTestId("thread").filter({ hasText: text })).toBeVisible();
}

test("a thread on an item someone deletes stays readable, marked as on a deleted item", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Keeper");
  const board = await createBoard(ana.page.request, "Deleted anchors");
  await openBoard(ana.page, `/boards/${board.id}`);
  await addNamedItem(ana.page, "Legacy export");
  await commentOnSelected(ana.page, "Do we still need this?");

  await ana.page.getByTestId("item-tab-details").click();
  await ana.page.getByRole("button", { name: "Delete item" }).click();
  await ana.page.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(barNamed(ana.page, "Legacy export")).toHaveCount(0);

  await ana.page.getByTestId("comments-toggle").click();
  const thread = ana.page.getByTestId("threads-panel").getByTestId("thread");
  await expect(thread).toContainText("Do we still need this?");
  await expect(thread).toContainText("Legacy export");
  await expect(thread.getByTestId("thread-anchor-deleted")).toHaveText("on a deleted item");
});

test("an address at the end of a comment is a link once sent, opening in a new tab", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Linker");
  const board = await createBoard(ana.page.request, "Links");
  await openBoard(ana.page, `/boards/${board.id}`);
  await addNamedItem(ana.page, "Agenda");
  await commentOnSelected(ana.page, "Agenda: https://example.com/agenda");
  const link = ana.page.getByTestId("item-comments").getByTestId("thread").getByRole("link", { name: "https://example.com/agenda" });
  await expect(link).toHaveAttribute("href", "https://example.com/agenda");
  await expect(link).toHaveAttribute("target", "_blank");
});

test("viewers read comments but get no editor; the server refuses their comment too", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Host");
  const vic = await newPerson(browser, "Vic Viewer");
  const board = await createBoard(ana.page.request, "Read-only comments");
  await addMember(ana.page.request, board.id, vic.account.email, "viewer");
  await openBoard(ana.page, `/boards/${board.id}`);
  await addNamedItem(ana.page, "Pilot survey");
  await commentOnSelected(ana.page, "Survey goes out Monday.");

  await openBoard(vic.page, `/boards/${board.id}`);
  const bar = barNamed(vic.page, "Pilot survey");
  await expect(bar.getByTestId("comment-badge")).toContainText("1");
  await bar.click();
  await vic.page.getByTestId("item-tab-comments").click();
  const panel = vic.page.getByTestId("item-comments");
  await expect(panel.getByTestId("thread")).toContainText("Survey goes out Monday.");
  await expect(panel.getByTestId("comment-editor")).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(panel).toContainText("Viewers can read comments but not write them.");

  const refused = await vic.page.request.post(`/api/boards/${board.id}/threads`, {
    data: { anchor: { kind: "board" }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "sneaky" }] }] } },
  });
  expect(refused.status()).toBe(403);
});

test("on returning to a board, a summary says who changed what since, and each line jumps there", async ({ browser }) => {
  // Two people signed up and a board opened twice: past 30 s on the shared 2 cores once the header grew.
  test.setTimeout(90_000);
  const ana = await newPerson(browser, "Ana Away");
  const ben = await newPerson(browser, "Ben Busy");
  const board = await createBoard(ana.page.request, "While you were out");
  await addMember(ana.page.request, board.id, ben.account.email, "editor");

  // Ana has the board open once, then leaves it (her connection closes: that is her last visit).
  await openBoard(ana.page, `/boards/${board.id}`);
  await expect(ana.page.getByTestId("changes-since-visit")).toHaveCount(0);
  await ana.page.goto("/");

  // Ben works on the board meanwhile.
  await openBoard(ben.page, `/boards/${board.id}`);
  await addNamedItem(ben.page, "Onboarding emails");
  await commentOnSelected(ben.page, "Drafts are in the shared folder.");
  await ben.page.goto("/");

  // Back on the board, Ana sees what Ben did, and a line selects the item.
  await openBoard(ana.page, `/boards/${board.id}`);
  const card = ana.page.getByTestId("changes-since-visit");
  await expect(card).toContainText("Ben Busy added “Onboarding emails”");
  await expect(card).toContainText("Ben Busy commented on “Onboarding emails”");
  await card.getByRole("button", { name: /added “Onboarding emails”/ }).click();
  await expect(barNamed(ana.page, "Onboarding emails")).toHaveAttribute("aria-pressed", "true");
  await card.getByRole("button", { name: /commented on/ }).click();
  await expect(ana.page.getByTestId("item-comments").getByTestId("thread")).toContainText("Drafts are in the shared folder.");
});
