import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/** Live, in the words: within a second, without reload. */
const LIVE = { timeout: 1_000 };

/** Types a comment in the editor, choosing `mention` from the "@" menu on the way. */
async function writeWithMention(page: Page, editor: ReturnType<Page["getByTestId"]>, before: string, mention: string, after: string) {
  await editor.click();
  await page.keyboard.type(`${before} @${mention.slice(0, 3)}`);
  const menu = page.getByTestId("mention-menu");
  await expect(menu).toBeVisible();
  await menu.getByRole("option", { name: new RegExp(mention) }).click();
  await page.keyboard.type(after);
}

test("a mention reaches the other person's inbox live; they follow the link and reply; the first sees it and resolves", async ({ browser }) => {
  // Two people signed up and a board opened twice: past 30 s on the shared 2 cores once the header grew.
  test.setTimeout(90_000);
  const ana = await newPerson(browser, "Ana Planner");
  const ben = await newPerson(browser, "Ben Builder");
  const board = await createBoard(ana.page.request, "Comments workshop");
  await addMember(ana.page.request, board.id, ben.account.email, "commenter");

  // Ben is elsewhere (his home page); his header shows the inbox, connected and empty.
  await ben.page.goto("/");
  await expect(ben.page.getByTestId("inbox-button")).toHaveAttribute("data-unread", "0");

  // Ana opens an item's comments and mentions Ben.
  await openBoard(ana.page, `/boards/${board.id}`);
  const itemTitle = "Pilot onboarding";
  await ana.page.getByRole("button", { name: "Add item" }).click();
  await ana.page.getByLabel("Title", { exact: true }).fill(itemTitle);
  await ana.page.getByLabel("Title", { exact: true }).press("Enter");
  const bar = barNamed(ana.page, itemTitle);
  const itemId = await bar.getAttribute("data-item-id");
  await ana.page.getByTestId("item-tab-comments").click();
  const anaComments = ana.page.getByTestId("item-comments");
  await writeWithMention(ana.page, anaComments.getByTestId("comment-editor"), "Can you check the dates,", "Ben Builder", "? Thanks");
  await anaComments.getByRole("button", { name: "Comment", exact: true }).click();
  const anaThread = anaComments.getByTestId("thread");
  await expect(anaThread).toHaveCount(1);
  await expect(anaThread.getByTestId("comment-author")).toHaveText("Ana Planner");
  // The server names the mention by the member's real name.
  await expect(anaThread.locator('[data-type="mention"]')).toHaveText("@Ben Builder");
  await expect(bar.getByTestId("comment-badge")).toContainText("1");

  // Ben's unread count rises without a reload.
  await expect(ben.page.getByTestId("inbox-unread")).toHaveText("1", LIVE);
  await ben.page.getByTestId("inbox-button").click();
  await ben.page.waitForURL("**/inbox");
  const notification = ben.page.getByTestId("notification").first();
  await expect(notification).toContainText("Ana Planner mentioned you");
  await expect(notification).toContainText(itemTitle);
  await expect(notification).toHaveAttribute("data-unread", "true");

  // The link opens the board with the item selected and the thread on show.
  await notification.getByRole("link").click();
  await ben.page.waitForURL(`**/boards/${board.id}?thread=*`);
  await expect(ben.page.getByTestId("item-panel")).toBeVisible();
  await expect(ben.page.locator(`[data-testid="item-bar"][data-item-id="${itemId}"]`)).toHaveAttribute("aria-pressed", "true");
  const benThread = ben.page.getByTestId("item-comments").getByTestId("thread");
  await expect(benThread).toContainText("Can you check the dates");
  await expect(ben.page.getByTestId("inbox-button")).toHaveAttribute("data-unread", "0");

  // Ben replies; Ana sees the reply appear in her open panel.
  await benThread.getByRole("button", { name: "Reply" }).click();
  await benThread.getByTestId("comment-editor").click();
  await ben.page.keyboard.type("Dates look right to me.");
  await benThread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(benThread.getByTestId("comment")).toHaveCount(2);
  await expect(anaThread.getByTestId("comment")).toHaveCount(2, LIVE);
  await expect(anaThread.getByTestId("comment").nth(1)).toContainText("Dates look right to me.");
  await expect(anaThread.getByTestId("comment-author").nth(1)).toHaveText("Ben Builder");

  // Ana resolves the thread; Ben sees it resolved live, and the badge goes.
  await anaThread.getByRole("button", { name: "Resolve" }).click();
  await expect(benThread).toHaveAttribute("data-resolved", "true", LIVE);
  await expect(benThread).toContainText("Resolved by Ana Planner");
  // Ana's panel folds resolved threads away; the bar's badge counts open threads only.
  await expect(anaComments.getByTestId("thread")).toHaveCount(0);
  await expect(anaComments.getByRole("button", { name: /Show 1 resolved thread/ })).toBeVisible();
  await expect(bar.getByTestId("comment-badge")).toHaveCount(0);
  await expect(ben.page.locator(`[data-testid="item-bar"][data-item-id="${itemId}"]`).getByTestId("comment-badge")).toHaveCount(0, LIVE);

  // Ana was notified of Ben's reply in her own thread.
  await expect(ana.page.getByTestId("inbox-unread")).toHaveText("1", LIVE);
  await expectNoCspViolations(ana.page);
  await expectNoCspViolations(ben.page);
});
