import { expect, test } from "@playwright/test";
import { addMember, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/** Live, as the other collaboration tests have it: within a second. */
const LIVE = { timeout: 1_000 };

test("an editor adds, renames, moves and deletes a milestone in Board setup; the other person sees each change live", async ({ browser }) => {
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
  await expect(dev.page.getByRole("button", { name: "Board setup" })).toHaveCount(0);

  await ana.page.getByRole("button", { name: "Board setup" }).click();
  await expect(ana.page.getByTestId("board-setup")).toBeVisible();
  await ana.page.getByTestId("board-setup").getByRole("tab", { name: "Milestones" }).click();
  const dialog = ana.page.getByTestId("milestones-editor");
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
  await expect(ana.page.getByTestId("board-setup")).toBeHidden();
  await expectNoCspViolations(ana.page);
});

test("an editor adds, renames, reorders and re-sizes lanes and phases in Board setup; the other person sees it live", async ({ browser }) => {
  const ana = await newPerson(browser, "Ana Lanes");
  const ben = await newPerson(browser, "Ben Lanes");
  const board = await createBoard(ana.page.request, "Teams");
  await addMember(ana.page.request, board.id, ben.account.email, "editor");
  await openBoard(ana.page, `/boards/${board.id}`);
  await openBoard(ben.page, `/boards/${board.id}`);
  const benLanes = ben.page.getByTestId("lane-header");
  const before = await benLanes.count();

  await ana.page.getByRole("button", { name: "Board setup" }).click();
  const lanes = ana.page.getByTestId("lanes-editor");
  await lanes.getByLabel("New lane name").fill("Legal");
  await lanes.getByRole("button", { name: "Add lane" }).click();
  await expect(benLanes).toHaveCount(before + 1, LIVE);
  await expect(benLanes.last()).toContainText("Legal");

  // Up one place, renamed, a capacity: each reaches the other person.
  await lanes.getByRole("button", { name: "Move Legal up" }).click();
  await expect(benLanes.nth(before - 1)).toContainText("Legal", LIVE);
  const legal = lanes.getByTestId("lane-row").nth(before - 1);
  await legal.getByLabel("Lane name").fill("Legal & privacy");
  await legal.getByLabel("Lane name").press("Enter");
  await expect(benLanes.nth(before - 1)).toContainText("Legal & privacy", LIVE);
  await legal.getByLabel("Capacity of Legal & privacy").fill("2");
  await legal.getByLabel("Capacity of Legal & privacy").press("Enter");
  await expect(benLanes.nth(before - 1)).toContainText("/ 2", LIVE);

  // A lane that holds items is kept, with the reason; an empty one goes.
  await ana.page.keyboard.press("Escape");
  await ana.page.getByRole("button", { name: "Add item" }).click();
  await ana.page.getByLabel("Title", { exact: true }).fill("Privacy review");
  await ana.page.getByTestId("item-fields").getByLabel("Lane", { exact: true }).selectOption({ label: "Legal & privacy" });
  await ana.page.getByLabel("Title", { exact: true }).press("Enter");
  await ana.page.getByRole("button", { name: "Board setup" }).click();
  await lanes.getByRole("button", { name: "Delete lane Legal & privacy" }).click();
  await expect(lanes.getByRole("alert")).toContainText("holds 1 item");
  await expect(benLanes).toHaveCount(before + 1);

  // Phases: add one, move it first, see it lead the other person's phase board.
  await ana.page.getByTestId("board-setup").getByRole("tab", { name: "Phases" }).click();
  const phases = ana.page.getByTestId("phases-editor");
  const phaseCount = await phases.getByTestId("phase-row").count();
  await phases.getByLabel("New phase name").fill("Discovery");
  await phases.getByRole("button", { name: "Add phase" }).click();
  await expect(phases.getByTestId("phase-row")).toHaveCount(phaseCount + 1);
  for (let i = 0; i < phaseCount; i++) await phases.getByRole("button", { name: "Move Discovery up" }).click();
  await expect(phases.getByTestId("phase-row").first().getByLabel("Phase name")).toHaveValue("Discovery");
  await ben.page.getByTestId("view-tab-phases").click();
  await expect(ben.page.getByTestId("phase-column").first()).toContainText("Discovery", LIVE);
  await expectNoCspViolations(ana.page);
});

test("the board's calendar is edited in Board setup: a day off or a holiday moves the others' finish dates live", async ({ browser }) => {
  // Two people signed up and a board opened twice: past 30 s on the shared 2 cores once the header grew.
  test.setTimeout(90_000);
  const ana = await newPerson(browser, "Ana Calendar");
  const ben = await newPerson(browser, "Ben Calendar");
  const board = await createBoard(ana.page.request, "Calendar");
  await addMember(ana.page.request, board.id, ben.account.email, "editor");
  await openBoard(ana.page, `/boards/${board.id}`);
  await ana.page.getByRole("button", { name: "Add item" }).click();
  await ana.page.getByLabel("Title", { exact: true }).fill("Two-week build");
  await ana.page.getByLabel("Title", { exact: true }).press("Enter");
  await ana.page.getByLabel("Start").fill("2027-03-01");
  await ana.page.getByLabel("Working days").fill("10");
  await ana.page.getByLabel("Working days").press("Enter");

  await openBoard(ben.page, `/boards/${board.id}`);
  await ben.page.getByTestId("item-bar").filter({ hasText: "Two-week build" }).click();
  const schedule = ben.page.getByTestId("item-schedule");
  await expect(schedule).toContainText("Fri, Mar 12, 2027");

  await ana.page.getByRole("button", { name: "Board setup" }).click();
  await ana.page.getByTestId("board-setup").getByRole("tab", { name: "Goal & calendar" }).click();
  const settings = ana.page.getByTestId("board-settings-editor");
  // Fridays off: ten working days (Mon–Thu) now end on the Tuesday after next.
  await settings.getByLabel("Fri").uncheck();
  await expect(schedule).toContainText("Tue, Mar 16, 2027", LIVE);
  await settings.getByLabel("Fri").check();
  await expect(schedule).toContainText("Fri, Mar 12, 2027", LIVE);
  // A holiday inside the item pushes its finish one working day on.
  await settings.getByLabel("New holiday").fill("2027-03-03");
  await settings.getByRole("button", { name: "Add holiday" }).click();
  await expect(schedule).toContainText("Mon, Mar 15, 2027", LIVE);
  await settings.getByRole("button", { name: "Remove holiday 2027-03-03" }).click();
  await expect(schedule).toContainText("Fri, Mar 12, 2027", LIVE);
  // A horizon that would run backwards is refused with the reason.
  await settings.getByLabel("Horizon ends").fill("2020-01-01");
  await expect(settings.getByRole("alert")).toContainText("before the start");
});
