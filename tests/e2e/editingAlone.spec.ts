import { expect, test } from "@playwright/test";
import { barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { seedMilestone } from "./seedBoard";

test("one person schedules, stretches, unschedules and deletes an item", async ({ browser }) => {
  const { page } = await newPerson(browser, "Dana");
  const board = await createBoard(page.context().request, "Solo planning");
  await openBoard(page, `/boards/${board.id}`);
  await expect(page.getByText("Nothing planned yet")).toBeVisible();

  // Double-click a lane to add an item there.
  const testing = page.getByTestId("lane-header").filter({ hasText: "Testing" });
  const laneBox = (await testing.boundingBox())!;
  await page.mouse.dblclick(laneBox.x + laneBox.width + 200, laneBox.y + laneBox.height / 2);
  await page.keyboard.type("Accessibility audit");
  await page.keyboard.press("Enter");
  const bar = barNamed(page, "Accessibility audit");
  await expect(bar).toHaveAttribute("data-lane-id", (await testing.getAttribute("data-lane-id"))!);
  await expect(page.getByLabel("Working days")).toHaveValue("5");

  // Weeks zoom, then drag the bar's end three days to the right: duration grows.
  await page.getByRole("radio", { name: "Weeks" }).click();
  const grip = (await bar.getByTestId("item-resize").boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + grip.width / 2 + 24 * 3 + 4, grip.y + grip.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByLabel("Working days")).not.toHaveValue("5");

  // Keyboard: one working day later (plain arrows move focus between bars; Alt moves the item).
  const before = (await bar.getAttribute("data-start"))!;
  await bar.focus();
  await page.keyboard.press("Alt+ArrowRight");
  await expect(bar).not.toHaveAttribute("data-start", before);

  // Unschedule: it moves to the tray; pick it from there and delete it.
  await page.getByRole("button", { name: "Unschedule" }).click();
  await expect(bar).toHaveCount(0);
  const chip = page.getByTestId("unscheduled-item").filter({ hasText: "Accessibility audit" });
  await expect(chip).toBeVisible();
  await chip.click();
  await page.getByRole("button", { name: "Delete item" }).click();
  await page.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByTestId("item-panel")).toHaveCount(0);
  await expectNoCspViolations(page);
  await page.context().close();
});

test("the item panel edits effort, deadline, tags and links; they are kept", async ({ browser, baseURL }) => {
  const { page } = await newPerson(browser, "Eve");
  const board = await createBoard(page.context().request, "Planning fields");
  const milestone = await seedMilestone(page.context().request, baseURL!, board.id, "Price launch", 40);
  await openBoard(page, `/boards/${board.id}`);
  await page.getByRole("button", { name: "Add item" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Pricing page");
  await page.getByLabel("Title", { exact: true }).press("Enter");
  await expect(barNamed(page, "Pricing page")).toBeVisible();

  await page.getByLabel("Effort (person-days)").fill("7.5");
  await page.getByLabel("Effort (person-days)").press("Enter");
  await page.getByLabel("Deadline").selectOption(milestone);
  await expect(page.getByLabel("Deadline").locator("option:checked")).toHaveText(/^Price launch · /);
  await page.getByLabel("Tags").fill("pricing, web,  pricing ,");
  await page.getByLabel("Tags").press("Enter");

  // A script URL is refused with a reason; a web address is added under its title.
  await page.getByLabel("Link address").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Add link" }).click();
  await expect(page.getByTestId("item-links").getByRole("alert")).toContainText("http:// or https://");
  await page.getByLabel("Link address").fill("https://example.com/pricing-brief");
  await page.getByLabel("Link title").fill("Pricing brief");
  await page.getByRole("button", { name: "Add link" }).click();
  await expect(page.getByTestId("item-link")).toHaveCount(1);

  // All of it is in the shared document: a reload shows the same.
  await page.reload();
  await barNamed(page, "Pricing page").click();
  await expect(page.getByLabel("Effort (person-days)")).toHaveValue("7.5");
  await expect(page.getByLabel("Deadline")).toHaveValue(milestone);
  await expect(page.getByLabel("Tags")).toHaveValue("pricing, web");
  const link = page.getByTestId("item-link").getByRole("link", { name: "Pricing brief" });
  await expect(link).toHaveAttribute("href", "https://example.com/pricing-brief");
  await expect(link).toHaveAttribute("target", "_blank");
  await page.getByRole("button", { name: "Remove link Pricing brief" }).click();
  await expect(page.getByTestId("item-link")).toHaveCount(0);
  await expectNoCspViolations(page);
});
