import { expect, test } from "@playwright/test";
import { addMember, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/** Live, as the other collaboration tests have it: within a second. */
const LIVE = { timeout: 1_000 };

test("an editor adds, renames, moves and deletes a milestone in the Milestones list; the other person sees each change live", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Milestones");
  const ben = await newPerson(browser, "Ben Watching");
  const dev = await newPerson(browser, "Dev Viewer");
  const board = await createBoard(ana.page.request, "Launch dates");
  await addMember(ana.page.request, board.id, ben.account.email, "editor");
  await addMember(ana.page.request, board.id, dev.account.email, "viewer");
  await openBoard(ana.page, `/boards/${board.id}`);
  await openBoard(ben.page, `/boards/${board.id}`);
  await openBoard(dev.page, `/boards/${board.id}`);
  // Viewers see milestones but get nothing to change them with.
  await expect(dev.page.getByRole("button", { name: "Milestones", exact: true })).toHaveCount(0);

  await ana.page.getByRole("button", { name: "Milestones", exact: true }).click();
  const dialog = ana.page.getByTestId("milestones-dialog");
  await expect(dialog).toBeVisible();
  const start = await dialog.getByLabel("New milestone date").inputValue();
  await dialog.getByLabel("New milestone title").fill("Public beta");
  await dialog.getByLabel("New milestone kind").selectOption("go_live");
  await dialog.getByRole("button", { name: "Add" }).click();
  await expect(dialog.getByTestId("milestone-row")).toHaveCount(1);
  const seen = ben.page.getByTestId("milestone");
  await expect(seen).toHaveCount(1, LIVE);
  await expect(seen).toContainText("Public beta");
  await expect(seen).toHaveAttribute("title", /^Go-live · /);

  // Rename and move it: one command each, seen live.
  const row = dialog.getByTestId("milestone-row");
  await row.getByLabel("Milestone title").fill("General availability");
  await row.getByLabel("Milestone title").press("Enter");
  await expect(seen).toContainText("General availability", LIVE);
  const later = new Date(`${start}T00:00:00Z`);
  later.setUTCDate(later.getUTCDate() + 14);
  const laterDate = later.toISOString().slice(0, 10);
  const before = (await seen.getAttribute("title"))!;
  await row.getByLabel("Date of General availability").fill(laterDate);
  await expect(seen).not.toHaveAttribute("title", before, LIVE);
  await expect(seen).toHaveAttribute("title", /^Go-live · /);

  // An empty title is refused with the reason, and nothing changes.
  await row.getByLabel("Milestone title").fill("  ");
  await row.getByLabel("Milestone title").press("Enter");
  await expect(dialog.getByRole("alert")).toContainText("title");
  await expect(seen).toContainText("General availability");

  await dialog.getByRole("button", { name: "Delete milestone General availability" }).click();
  await expect(seen).toHaveCount(0, LIVE);
  await expect(dialog.getByText("No milestones yet.")).toBeVisible();
  await ana.page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expectNoCspViolations(ana.page);
});
