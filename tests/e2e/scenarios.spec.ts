import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

/**
 * Scenarios as two people use them (issue 19, docs/teams.md): one forks the plan, both edit the
 * what-if live in its own room, clearly marked as not the plan; they compare it with the plan
 * side by side and adopt part of it, which the plan shows at once for both; one Undo takes the
 * adoption back.
 */

test.describe.configure({ timeout: 120_000 });

const LIVE = { timeout: 5_000 };

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Sets an item's working days through its panel, as a person does. */
async function setDuration(page: Page, title: string, days: string) {
  await barNamed(page, title).click();
  const field = page.getByTestId("item-panel").getByLabel("Working days");
  await field.fill(days);
  await field.press("Enter");
  await expect(barNamed(page, title)).toHaveAttribute("data-duration", days);
  await page.keyboard.press("Escape");
}

test("fork a scenario, both edit it live, compare, adopt part, the plan shows it, undo", async ({ browser, baseURL }, testInfo) => {
  const owner = await newPerson(browser, "Scenario Owner");
  const editor = await newPerson(browser, "Scenario Editor");
  const board = await createBoard(owner.page.request, "Plan with what-ifs");
  await addMember(owner.page.request, board.id, editor.account.email, "editor");
  await seedItems(owner.page.request, baseURL!, board.id, [
    { title: "Pilot signage", lane: "Development", startOffset: 7, duration: 5 },
    { title: "Launch comms", lane: "Development", startOffset: 20, duration: 3 },
  ]);
  const plan = `/boards/${board.id}`;
  const errors = [collectErrors(owner.page), collectErrors(editor.page)];
  await openBoard(owner.page, plan);
  await openBoard(editor.page, plan);
  await expect(owner.page.getByTestId("scenario-banner")).toHaveCount(0);

  // The owner forks the plan from the switcher.
  await owner.page.getByTestId("scenario-switcher").click();
  await owner.page.getByRole("menuitem", { name: "New scenario…" }).click();
  const dialog = owner.page.getByTestId("new-scenario-dialog");
  await dialog.getByLabel("Name").fill("Ship in May");
  await dialog.getByLabel("Purpose (optional)").fill("What if the pilot takes longer?");
  await dialog.getByRole("button", { name: "Create scenario" }).click();
  await expect(owner.page).not.toHaveURL(new RegExp(`${plan}$`));
  await expect(owner.page).toHaveURL(/\/boards\/b[a-z0-9]+$/);
  const scenarioPath = new URL(owner.page.url()).pathname;
  expect(scenarioPath).not.toBe(plan);
  await expect(owner.page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const banner = owner.page.getByTestId("scenario-banner");
  await expect(banner).toContainText("Scenario “Ship in May” — not the plan");
  await expect(banner).toContainText("What if the pilot takes longer?");
  await expect(owner.page.locator("header[data-scenario]")).toBeVisible();
  await expect(owner.page).toHaveTitle(/Scenario “Ship in May”/);

  // The editor, on the plan, sees it in the switcher (live) and joins it, by keyboard.
  await editor.page.getByTestId("scenario-switcher").click();
  await expect(editor.page.getByRole("menuitem", { name: /^The plan/ })).toBeFocused();
  await editor.page.keyboard.press("ArrowDown");
  await expect(editor.page.getByRole("menuitem", { name: "Ship in May", exact: true })).toBeFocused();
  await editor.page.keyboard.press("Enter");
  await expect(editor.page).toHaveURL(new RegExp(`${scenarioPath}$`));
  await expect(editor.page.getByTestId("scenario-banner")).toBeVisible();
  await expect(editor.page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  // Both edit the scenario live.
  await setDuration(owner.page, "Pilot signage", "8");
  await expect(barNamed(editor.page, "Pilot signage")).toHaveAttribute("data-duration", "8", LIVE);
  await setDuration(editor.page, "Launch comms", "6");
  await expect(barNamed(owner.page, "Launch comms")).toHaveAttribute("data-duration", "6", LIVE);
  await owner.page.screenshot({ path: testInfo.outputPath("scenario.png") });
  const axe = await new AxeBuilder({ page: owner.page }).include("[data-testid=scenario-banner]").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The editor goes back to the plan: untouched.
  await editor.page.getByRole("link", { name: "Back to the plan" }).click();
  await expect(editor.page).toHaveURL(new RegExp(`${plan}$`));
  await expect(barNamed(editor.page, "Pilot signage")).toHaveAttribute("data-duration", "5");
  await expect(barNamed(editor.page, "Launch comms")).toHaveAttribute("data-duration", "3");

  // The owner compares: the figures side by side and both changes, ticked.
  await owner.page.getByTestId("scenario-compare").click();
  const compare = owner.page.getByTestId("compare-scenario-dialog");
  await expect(compare.getByTestId("scenario-figures")).toContainText("Board finish");
  const changes = compare.getByTestId("scenario-change");
  await expect(changes).toHaveCount(2);
  await expect(compare.getByTestId("scenario-changes")).toContainText("Item changed: duration");
  await owner.page.screenshot({ path: testInfo.outputPath("compare.png") });
  const compareAxe = await new AxeBuilder({ page: owner.page }).include("[data-testid=compare-scenario-dialog]").withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(compareAxe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Adopt only the pilot's change.
  await changes.filter({ hasText: "Launch comms" }).getByRole("checkbox").uncheck();
  await compare.getByRole("button", { name: "Adopt 1 change" }).click();
  await expect(compare.getByTestId("adopt-outcome")).toContainText("Adopted 1 change into the plan");
  await expect(barNamed(owner.page, "Pilot signage")).toHaveAttribute("data-duration", "8");
  await expect(barNamed(editor.page, "Pilot signage")).toHaveAttribute("data-duration", "8", LIVE);
  await expect(barNamed(editor.page, "Launch comms")).toHaveAttribute("data-duration", "3");
  // What is left to adopt: the other change only.
  await expect(changes).toHaveCount(1, LIVE);

  // One Undo takes the whole adoption back, for both.
  await compare.getByTestId("adopt-undo").click();
  await expect(barNamed(owner.page, "Pilot signage")).toHaveAttribute("data-duration", "5");
  await expect(barNamed(editor.page, "Pilot signage")).toHaveAttribute("data-duration", "5", LIVE);
  await compare.getByRole("button", { name: "Close" }).click();
  await expect(owner.page).toHaveURL(new RegExp(`${plan}$`));

  for (const list of errors) expect(list).toEqual([]);
  await expectNoCspViolations(owner.page);
});
