import { expect, test } from "@playwright/test";
import { barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

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
