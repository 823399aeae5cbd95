import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

/**
 * Versions, the history replay and restore, as two people at their laptops use them (issue 16):
 * a version saved by one appears live for the other; the board as it was is shown read-only
 * and unmistakably so; a restore is a change both see at once, and its author's Undo takes it
 * back in one step. Roles: viewers read the list and nothing more; the API refuses them too.
 */

test.describe.configure({ timeout: 120_000 });

/** What "live" means here: a refetch after a server-sent notice, well under a few seconds. */
const LIVE = { timeout: 5_000 };
const SHOTS = "test-results/versions";

/** Uncaught errors of the page (a crash shows "This page couldn't load" and hides what a test looks for). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** axe (as tests/e2e/accessibility.spec.ts runs it) on one part of the page: no serious or critical findings. */
async function audit(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const findings = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} at ${v.nodes[0]?.target.join(" ")}`);
  expect(findings, `axe findings in ${selector}`).toEqual([]);
}

/** The Versions toggle stands in the toolbar on the widest screens, in its "⋯" menu below. */
async function openVersions(page: Page) {
  const inline = page.getByRole("button", { name: "Versions", exact: true });
  if (await inline.isVisible()) await inline.click();
  else {
    await page.getByTestId("toolbar-more").click();
    await page.getByRole("menuitemradio", { name: "Versions" }).click();
  }
  await expect(page.getByTestId("versions-panel")).toBeVisible();
}

test("save a version, move an item, replay the past read-only, restore it for everyone, undo the restore", async ({ browser, baseURL }) => {
  const owner = await newPerson(browser, "Versions Owner");
  const editor = await newPerson(browser, "Versions Editor");
  const board = await createBoard(owner.page.request, "Plans over time");
  await addMember(owner.page.request, board.id, editor.account.email, "editor");
  await seedItems(owner.page.request, baseURL!, board.id, [{ title: "Pilot signage", lane: "Development", startOffset: 7, duration: 5 }]);
  const path = `/boards/${board.id}`;
  const errors = [collectErrors(owner.page), collectErrors(editor.page)];
  await openBoard(owner.page, path);
  await openBoard(editor.page, path);
  const ownerBar = barNamed(owner.page, "Pilot signage");
  const editorBar = barNamed(editor.page, "Pilot signage");
  const agreedStart = (await ownerBar.getAttribute("data-start"))!;

  // The editor keeps the versions open; the owner saves one, with a note.
  await openVersions(editor.page);
  await openVersions(owner.page);
  const panel = owner.page.getByTestId("versions-panel");
  await panel.getByRole("button", { name: "Save version" }).click();
  // An empty name is refused at the field, before anything is sent.
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(panel.getByRole("alert")).toHaveText("Give the version a name");
  await panel.getByLabel("Name").fill("Agreed plan");
  await panel.getByLabel("Note (optional)").fill("What the March workshop agreed");
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  const ownerRow = panel.getByTestId("version-row").filter({ hasText: "Agreed plan" });
  await expect(ownerRow).toContainText("What the March workshop agreed");
  await expect(ownerRow).toContainText("Versions Owner");
  const editorRow = editor.page.getByTestId("versions-panel").getByTestId("version-row").filter({ hasText: "Agreed plan" });
  await expect(editorRow).toBeVisible(LIVE);

  // The owner sets it as the baseline: the badge shows for both.
  await ownerRow.getByRole("button", { name: "Set as baseline" }).click();
  await expect(ownerRow.getByTestId("baseline-badge")).toBeVisible();
  await expect(editorRow.getByTestId("baseline-badge")).toBeVisible(LIVE);
  await owner.page.screenshot({ path: `${SHOTS}/panel.png` });
  await audit(owner.page, "[data-testid=versions-panel]");

  // The owner moves the item two weeks later (its start, in the item panel).
  await ownerBar.click();
  const movedStart = addDays(agreedStart, 14);
  await owner.page.getByLabel("Start", { exact: true }).fill(movedStart);
  await expect(ownerBar).toHaveAttribute("data-start", movedStart);
  await expect(editorBar).toHaveAttribute("data-start", movedStart, LIVE);
  await owner.page.getByRole("button", { name: "Close panel" }).click();

  // The board as it was at the version: the old position, read-only, with a banner that says so.
  await ownerRow.getByRole("button", { name: "View the board as it was in Agreed plan" }).click();
  const banner = owner.page.getByTestId("replay-banner");
  await expect(banner).toContainText("Viewing the board as it was on");
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  const history = owner.page.getByTestId("history-panel");
  await expect(history.locator("[aria-current=step]")).toContainText("Agreed plan");
  // Nothing to add to the past: the toolbar's Add item waits for "Back to now".
  await expect(owner.page.getByRole("button", { name: "Add item" })).toBeHidden();
  // Read-only: a drag moves nothing.
  const box = (await ownerBar.boundingBox())!;
  await owner.page.mouse.move(box.x + 10, box.y + box.height / 2);
  await owner.page.mouse.down();
  await owner.page.mouse.move(box.x + 160, box.y + box.height / 2, { steps: 6 });
  await owner.page.mouse.up();
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  // The slider walks the steps from the keyboard: the last one is the move, listed with who and what.
  const slider = owner.page.getByTestId("history-slider");
  await slider.focus();
  await slider.press("End");
  const last = await slider.getAttribute("max");
  await expect(slider).toHaveValue(last!);
  await expect(ownerBar).toHaveAttribute("data-start", movedStart);
  const current = history.locator("[aria-current=step]");
  await expect(current).toContainText("Versions Owner");
  await expect(current).toContainText("item “Pilot signage”");
  await expect(current).toContainText(/Start .+ → .+/);
  await owner.page.screenshot({ path: `${SHOTS}/replay-change.png` });
  await slider.press("ArrowLeft");
  await expect(slider).toHaveValue(String(Number(last) - 1));
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  await slider.press("Home");
  await expect(slider).toHaveValue("0");
  await history.getByTestId("history-step").filter({ hasText: "Agreed plan" }).getByRole("button").first().click();
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  await owner.page.screenshot({ path: `${SHOTS}/replay.png` });
  await audit(owner.page, "[data-testid=replay-banner]");
  await audit(owner.page, "[data-testid=history-panel]");
  // The live board is untouched, for the editor too.
  await expect(editorBar).toHaveAttribute("data-start", movedStart);

  // Restore the version: confirm, then both see the agreed plan again.
  await history.getByRole("button", { name: "Restore this version" }).click();
  const confirm = owner.page.getByTestId("restore-dialog");
  await expect(confirm).toContainText("A version of the board as it is now is saved first");
  await confirm.getByRole("button", { name: "Restore this version" }).click();
  await expect(banner).toBeHidden();
  const toast = owner.page.getByTestId("board-toast");
  await expect(toast).toContainText("Restored the board to “Agreed plan”");
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  await expect(editorBar).toHaveAttribute("data-start", agreedStart, LIVE);
  await owner.page.screenshot({ path: `${SHOTS}/restored.png` });
  // The automatic version taken before the restore shows in the list, for the editor too.
  const backup = editor.page.getByTestId("version-row").filter({ hasText: "Automatic · before a restore" });
  await expect(backup).toBeVisible(LIVE);
  // The editor names it, so it is kept; the owner sees the name live.
  await backup.getByRole("button", { name: "Name and keep" }).click();
  await editor.page.getByLabel("Version name").fill("Before the restore");
  await editor.page.getByRole("button", { name: "Save name" }).click();
  await expect(panel.getByTestId("version-row").filter({ hasText: "Before the restore" })).toBeVisible(LIVE);

  // One Undo takes the whole restore back, for everyone.
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(ownerBar).toHaveAttribute("data-start", movedStart);
  await expect(editorBar).toHaveAttribute("data-start", movedStart, LIVE);

  // One item from the version, from the replay: the bar's card offers it.
  await ownerRow.getByRole("button", { name: "View the board as it was in Agreed plan" }).click();
  await expect(ownerBar).toHaveAttribute("data-start", agreedStart);
  await ownerBar.click();
  await owner.page.getByTestId("past-item").getByRole("button", { name: "Restore this item" }).click();
  await owner.page.getByTestId("restore-dialog").getByRole("button", { name: "Restore this item" }).click();
  await expect(toast).toContainText("Restored “Pilot signage” to “Agreed plan”");
  await expect(editorBar).toHaveAttribute("data-start", agreedStart, LIVE);
  // Ctrl+Z is the same single step.
  await owner.page.keyboard.press("Control+z");
  await expect(ownerBar).toHaveAttribute("data-start", movedStart);
  await expect(editorBar).toHaveAttribute("data-start", movedStart, LIVE);

  // The owner deletes a named version (after a confirm); the baseline cannot be, until it is cleared.
  await expect(ownerRow.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const named = panel.getByTestId("version-row").filter({ hasText: "Before the restore" });
  await named.getByRole("button", { name: "Delete" }).click();
  const sure = owner.page.getByTestId("delete-version-dialog");
  await expect(sure).toContainText("cannot be brought back");
  await sure.getByRole("button", { name: "Delete version" }).click();
  await expect(named).toHaveCount(0);
  await expect(editor.page.getByTestId("version-row").filter({ hasText: "Before the restore" })).toHaveCount(0, LIVE);

  await expectNoCspViolations(owner.page);
  await expectNoCspViolations(editor.page);
  expect(errors.flat()).toEqual([]);
});

test("a viewer sees the versions but cannot save, restore, rename, delete or set the baseline", async ({ browser }) => {
  const owner = await newPerson(browser, "Versions Lead");
  const viewer = await newPerson(browser, "Versions Viewer");
  const board = await createBoard(owner.page.request, "Read-only versions");
  await addMember(owner.page.request, board.id, viewer.account.email, "viewer");
  const saved = await owner.page.request.post(`/api/boards/${board.id}/versions`, { data: { name: "Kick-off plan" } });
  expect(saved.status()).toBe(201);

  const errors = collectErrors(viewer.page);
  await openBoard(viewer.page, `/boards/${board.id}`);
  await openVersions(viewer.page);
  const panel = viewer.page.getByTestId("versions-panel");
  const row = panel.getByTestId("version-row").filter({ hasText: "Kick-off plan" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("button", { name: "View the board as it was in Kick-off plan" })).toBeVisible();
  for (const name of ["Save version", "Restore this version", "Rename", "Name and keep", "Delete", "Set as baseline", "Clear baseline"])
    await expect(panel.getByRole("button", { name, exact: true })).toHaveCount(0);
  // Its replay has no restore either.
  await row.getByRole("button", { name: "View the board as it was in Kick-off plan" }).click();
  await expect(viewer.page.getByTestId("replay-banner")).toContainText("Viewing the board as it was on");
  await expect(viewer.page.getByTestId("past-board")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Restore this version" })).toHaveCount(0);
  await viewer.page.screenshot({ path: `${SHOTS}/viewer.png` });
  await viewer.page.getByRole("button", { name: "Back to now" }).click();
  await expect(viewer.page.getByTestId("replay-banner")).toBeHidden();
  await expect(viewer.page.getByTestId("timeline")).toBeVisible();
  await expect(panel).toBeVisible();

  // On a phone the panel would cover the past: the replay opens with the panel closed, the
  // banner's slider and "Back to now" at hand; the Versions entry brings the steps back.
  await panel.getByRole("button", { name: "Close versions" }).click();
  await viewer.page.setViewportSize({ width: 390, height: 844 });
  const versionsEntry = async () => {
    await viewer.page.getByTestId("toolbar-more").click();
    await viewer.page.getByRole("menuitemradio", { name: "Versions" }).click();
  };
  await versionsEntry();
  await expect(panel).toBeInViewport({ ratio: 0.9 });
  await row.getByRole("button", { name: "View the board as it was in Kick-off plan" }).click();
  await expect(viewer.page.getByTestId("history-panel")).toBeHidden();
  await expect(viewer.page.getByTestId("past-board")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Back to now" })).toBeInViewport({ ratio: 1 });
  await expect(viewer.page.getByTestId("history-slider")).toBeInViewport({ ratio: 1 });
  await viewer.page.screenshot({ path: `${SHOTS}/phone-replay.png` });
  await versionsEntry();
  await expect(viewer.page.getByTestId("history-panel")).toBeInViewport({ ratio: 0.9 });
  await viewer.page.getByRole("button", { name: "Close history" }).click();
  await viewer.page.getByRole("button", { name: "Back to now" }).click();
  await expect(viewer.page.getByTestId("past-board")).toBeHidden();
  expect(errors).toEqual([]);
});

test("the versions API: viewers and commenters get 403 on save, restore and baseline; bad bodies get 422", async ({ browser }) => {
  const owner = await newPerson(browser, "Api Owner");
  const viewer = await newPerson(browser, "Api Viewer");
  const commenter = await newPerson(browser, "Api Commenter");
  const board = await createBoard(owner.page.request, "Versions API");
  await addMember(owner.page.request, board.id, viewer.account.email, "viewer");
  await addMember(owner.page.request, board.id, commenter.account.email, "commenter");
  const base = `/api/boards/${board.id}`;
  const created = await owner.page.request.post(`${base}/versions`, { data: { name: "Plan", note: "first" } });
  expect(created.status(), await created.text()).toBe(201);
  const { version } = (await created.json()) as { version: { id: string } };

  for (const person of [viewer, commenter]) {
    const request = person.page.request;
    expect((await request.get(`${base}/versions`)).status()).toBe(200);
    expect((await request.post(`${base}/versions`, { data: { name: "Mine" } })).status()).toBe(403);
    expect((await request.post(`${base}/versions/${version.id}/restore`, { data: { apply: false } })).status()).toBe(403);
    expect((await request.put(`${base}/baseline`, { data: { versionId: version.id } })).status()).toBe(403);
  }

  const request = owner.page.request;
  const bad = [
    request.post(`${base}/versions`, { data: {} }),
    request.post(`${base}/versions`, { data: { name: "   " } }),
    request.post(`${base}/versions`, { data: { name: "x".repeat(121) } }),
    request.post(`${base}/versions`, { data: { name: "Plan", extra: 1 } }),
    request.patch(`${base}/versions/${version.id}`, { data: {} }),
    request.post(`${base}/versions/${version.id}/restore`, { data: { apply: "yes" } }),
    request.put(`${base}/baseline`, { data: { versionId: 5 } }),
    request.put(`${base}/baseline`, { data: {} }),
  ];
  for (const response of await Promise.all(bad)) expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(422);
});

/** A calendar date `days` later ("YYYY-MM-DD"). */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
