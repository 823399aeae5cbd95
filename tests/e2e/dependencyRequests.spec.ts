import { expect, test } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

/** Live, in the words: within a second or two, without reload (a shared 2-core machine). */
const LIVE = { timeout: 3_000 };

test("team A requests a dependency, team B sees it in its inbox and panel and commits, the arrow becomes committed; the predecessor slips past the date: the conflict shows", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const ana = await newPerson(browser, "Ana Checkout");
  const ben = await newPerson(browser, "Ben Payments");
  // Ben's board: he owns it (and so may answer for any lane); Ana is an editor on it.
  const request = ben.page.context().request;
  const board = await createBoard(request, "Teams drill");
  await addMember(request, board.id, ana.account.email, "editor");
  // Team A (Ana) owns Service design, where Checkout is; team B (Ben) owns Development, where the Payments API is.
  await seedItems(request, baseURL!, board.id, [
    { title: "Checkout flow", lane: "Service design", startOffset: 14, duration: 5 },
    { title: "Payments API", lane: "Development", startOffset: 0, duration: 5 },
  ]);
  await openBoard(ben.page, `/boards/${board.id}`);
  const laneOf = async (title: string) => (await barNamed(ben.page, title).getAttribute("data-lane-id"))!;
  for (const [title, owner] of [["Checkout flow", ana.id], ["Payments API", ben.id]] as const) {
    const owned = await request.put(`/api/boards/${board.id}/lanes/${await laneOf(title)}/owners`, { data: { userIds: [owner] } });
    expect(owned.status(), await owned.text()).toBe(200);
  }
  // Ana's screen is wide enough for the Requests toggle in the toolbar; on Ben's laptop it is in the "More" menu.
  await ana.page.setViewportSize({ width: 1600, height: 900 });
  await openBoard(ana.page, `/boards/${board.id}`);
  const checkout = barNamed(ana.page, "Checkout flow");
  await expect(ben.page.getByTestId("inbox-button")).toHaveAttribute("data-unread", "0");

  // Ana asks from Checkout's panel: the Payments API by the day Checkout starts.
  const neededBy = (await checkout.getAttribute("data-start"))!;
  await checkout.click();
  await ana.page.getByRole("button", { name: "Request from another team…" }).click();
  const dialog = ana.page.getByTestId("request-dialog");
  await dialog.getByLabel("The item you need finished").selectOption({ label: "Payments API" });
  await expect(dialog.getByLabel("Needed by")).toHaveValue(neededBy);
  await dialog.getByLabel("Note").fill("The launch needs card payments.");
  await dialog.getByRole("button", { name: "Send request" }).click();
  await expect(dialog).toBeHidden();
  // Requested: a dashed arrow on both screens, no link in the document yet.
  const arrows = (page: typeof ana.page, kind: string) => page.getByTestId("dependency-arrows").locator(`[data-kind="${kind}"]`);
  await expect(arrows(ana.page, "requested")).toHaveAttribute("data-count", "1");
  await expect(arrows(ben.page, "requested")).toHaveAttribute("data-count", "1", LIVE);

  // Ben hears of it: his inbox, and the Requests toggle counts one waiting for him.
  await expect(ben.page.getByTestId("inbox-unread")).toHaveText("1", LIVE);
  await ben.page.getByTestId("toolbar-more").click();
  const entry = ben.page.getByRole("menu").getByRole("menuitemradio", { name: /^Requests/ });
  await expect(entry).toContainText("1 waiting");
  await entry.click();
  const panel = ben.page.getByTestId("requests-panel");
  const lane = panel.getByRole("region", { name: "Development" });
  const row = lane.getByTestId("request");
  await expect(row).toContainText("“Checkout flow” needs “Payments API”");
  await expect(row).toContainText("The launch needs card payments.");
  await expect(row.getByTestId("request-state")).toHaveText("Requested");
  // Ana's own panel offers her only what the requester may do (she may not answer for Ben's lane).
  await expect(ana.page.getByTestId("requests-waiting")).toHaveCount(0);
  await ana.page.getByTestId("requests-toggle").click();
  const anaRow = ana.page.getByTestId("requests-panel").getByTestId("request").first();
  await expect(anaRow.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(anaRow.getByRole("button", { name: "Commit…" })).toHaveCount(0);

  // Ben commits by the date asked: the arrow becomes a normal link with a commitment mark, for both.
  await row.getByRole("button", { name: "Commit…" }).click();
  await row.getByRole("button", { name: "Commit", exact: true }).click();
  await expect(panel.getByTestId("request")).toHaveCount(0);
  for (const page of [ben.page, ana.page]) {
    await expect(arrows(page, "committed")).toHaveAttribute("data-count", "1", LIVE);
    await expect(arrows(page, "requested")).toHaveCount(0);
  }
  // Checkout's panel, still open on Ana's screen, says what it waits for and that it is promised.
  await expect(ana.page.getByTestId("item-requests")).toContainText("Needs “Payments API” by");
  await expect(ana.page.getByTestId("item-requests").locator('[data-state="committed"]')).toHaveCount(1, LIVE);
  await expect(ana.page.getByTestId("inbox-unread")).toHaveText("1", LIVE);
  await expect(ana.page.getByTestId("conflict-summary")).toHaveAttribute("data-total", "0");

  // The Payments API slips two weeks, past the date Checkout needs it: the commitment has slipped.
  const api = barNamed(ben.page, "Payments API");
  const start = (await api.getAttribute("data-start"))!;
  await api.focus();
  await api.press("Alt+Shift+ArrowRight");
  await api.press("Alt+Shift+ArrowRight");
  await expect(api).not.toHaveAttribute("data-start", start);
  await ana.page.getByTestId("conflict-summary").click();
  const slipped = ana.page.getByTestId("conflicts-panel").locator('[data-testid="conflict"][data-kind="commitment-slipped"]');
  await expect(slipped).toHaveCount(1, LIVE);
  await expect(slipped.getByTestId("conflict-message")).toContainText("Commitment slipped: “Payments API”");
  await expectNoCspViolations(ana.page);
  await expectNoCspViolations(ben.page);
});
