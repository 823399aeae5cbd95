import { expect, test, type Page } from "@playwright/test";
import { formatDate } from "../../lib/format/dates";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";

// The machine these run on is shared; a slow page load is not what is under test.
test.describe.configure({ timeout: 120_000 });

/**
 * Errors and words a person reads (issue 15, points 5–7): a comment that is too long says so
 * in a sentence with a counter, dates are written one way everywhere, plurals agree, and a
 * commenter is shown to others as someone who can comment.
 */

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

async function addItem(page: Page, title: string) {
  await page.getByRole("button", { name: "Add item" }).click();
  const field = page.getByLabel("Title", { exact: true });
  await field.fill(title);
  await field.press("Enter");
  await expect(barNamed(page, title)).toBeVisible();
}

test("a comment over 5,000 characters is counted and refused in a sentence, never with a schema path", async ({ browser }, testInfo) => {
  const { page } = await newPerson(browser, "Wanda Wordy");
  const board = await createBoard(page.request, "Long comments");
  await openBoard(page, `/boards/${board.id}`);
  await addItem(page, "Agenda");
  await page.getByTestId("item-tab-comments").click();
  const panel = page.getByTestId("item-comments");
  const editor = panel.getByTestId("comment-editor");
  const counter = panel.getByTestId("comment-counter");
  const send = panel.getByRole("button", { name: "Comment", exact: true });
  await expect(counter).toHaveText("0 / 5,000 characters");

  await editor.click();
  await page.keyboard.type("Short and sweet");
  await expect(counter).toHaveText("15 / 5,000 characters");
  await expect(editor).toHaveAttribute("aria-invalid", "false");

  // One long paragraph, pasted: 5,040 characters in all.
  await page.keyboard.insertText("x".repeat(5_025));
  await expect(counter).toHaveText("5,040 / 5,000 characters");
  const problem = panel.getByTestId("comment-too-long");
  await expect(problem).toHaveText("This comment is 5,040 characters long; a comment can have at most 5,000. Shorten it by 40.");
  await expect(problem).toHaveAttribute("role", "alert");
  await expect(editor).toHaveAttribute("aria-invalid", "true");
  await expect(editor).toHaveAttribute("aria-describedby", /.+/);
  await expect(send).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("comment-too-long.png") });

  // Shortened below the limit, it goes.
  for (let i = 0; i < 40; i++) await page.keyboard.press("Backspace");
  await expect(counter).toHaveText("5,000 / 5,000 characters");
  await expect(problem).toHaveCount(0);
  await send.click();
  await expect(panel.getByTestId("thread")).toHaveCount(1);

  // A client that sends one anyway is answered in a sentence too (the old answer named the
  // schema path "content.0.content.0.text: Too big").
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "y".repeat(5_200) }] }] };
  const refused = await page.request.post(`/api/boards/${board.id}/threads`, { data: { anchor: { kind: "board" }, body } });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toEqual({ error: "This comment is 5,200 characters long; a comment can have at most 5,000. Shorten it by 200." });
});

test("conflict messages write dates the way the panels do, and plurals agree", async ({ browser }) => {
  const { page } = await newPerson(browser, "Dora Dates");
  const board = await createBoard(page.request, "Dates and plurals");
  await openBoard(page, `/boards/${board.id}`);
  await addItem(page, "Kick-off");
  // Pinned on a Saturday: the conflict names that day and the Monday it moves to.
  const start = (await barNamed(page, "Kick-off").getAttribute("data-start"))!;
  const day = new Date(`${start}T00:00:00Z`);
  const saturday = new Date(day.getTime() + ((6 - day.getUTCDay() + 7) % 7) * 86_400_000).toISOString().slice(0, 10);
  const monday = new Date(Date.parse(`${saturday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Start", { exact: true }).fill(saturday);
  await page.getByTestId("conflict-summary").click();
  const message = page.getByTestId("conflict-message").filter({ hasText: "Kick-off" });
  await expect(message).toContainText(`is pinned to start on ${formatDate(saturday)}, which is not a working day, so it starts on ${formatDate(monday)}.`);
  await expect(message).not.toHaveText(ISO_DATE);

  // Share links: "1 revoked link no longer works", "2 revoked links no longer work".
  await page.keyboard.press("Escape");
  for (let i = 0; i < 2; i++) expect((await page.request.post(`/api/boards/${board.id}/share-links`)).status()).toBe(201);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog.getByTestId("share-link")).toHaveCount(2);
  await expect(dialog.getByTestId("share-link").first()).not.toHaveText(ISO_DATE);
  await dialog.getByTestId("share-link").first().getByRole("button", { name: "Revoke" }).click();
  await expect(dialog).toContainText("1 revoked link no longer works.");
  await dialog.getByTestId("share-link").first().getByRole("button", { name: "Revoke" }).click();
  await expect(dialog).toContainText("2 revoked links no longer work.");
});

test("a commenter is shown to others as able to comment, a viewer as view only", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Olga Owner");
  const board = await createBoard(owner.request, "Who can do what");
  const { page: commenter, account: chloe } = await newPerson(browser, "Chloe Commenter");
  const { page: viewer, account: victor } = await newPerson(browser, "Victor Viewer");
  await addMember(owner.request, board.id, chloe.email, "commenter");
  await addMember(owner.request, board.id, victor.email, "viewer");
  await openBoard(owner, `/boards/${board.id}`);
  await openBoard(commenter, `/boards/${board.id}`);
  await openBoard(viewer, `/boards/${board.id}`);

  const peer = (name: string) => owner.locator(`[data-testid="presence-peer"][data-name="${name}"]`);
  await expect(peer("Chloe Commenter")).toHaveAttribute("data-access", "can comment");
  await expect(peer("Chloe Commenter")).toContainText("Chloe Commenter (can comment)");
  await expect(peer("Chloe Commenter").getByRole("button")).toHaveAttribute("title", /can comment/);
  await expect(peer("Victor Viewer")).toHaveAttribute("data-access", "view only");
  await expect(peer("Victor Viewer")).toContainText("Victor Viewer (view only)");
  await expect(peer("Chloe Commenter")).not.toContainText("view only");
  await owner.context().close();
  await commenter.context().close();
  await viewer.context().close();
});
