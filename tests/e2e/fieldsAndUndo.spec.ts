import { expect, test, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";

/**
 * Issue 15, points 5, 7 and 8 as a person meets them on a board: a value that cannot be saved
 * says why at its field and stays there to be corrected; the lane's load chip and the board
 * title say what they are; deleting an item says so and offers Undo on the spot.
 */

// The machine these run on is shared; a slow page load is not what is under test.
test.describe.configure({ timeout: 120_000 });

async function addItem(page: Page, title: string) {
  await page.getByRole("button", { name: "Add item" }).click();
  const field = page.getByLabel("Title", { exact: true });
  await field.fill(title);
  await field.press("Enter");
  await expect(barNamed(page, title)).toBeVisible();
}

test("an empty title or working days of 0, −3, 2.5 or 'abc' say why at the field, and the text stays until corrected or Escaped", async ({ browser }, testInfo) => {
  const { page } = await newPerson(browser, "Fiona Fields");
  const board = await createBoard(page.request, "Field rules");
  await openBoard(page, `/boards/${board.id}`);
  await addItem(page, "Pilot run");
  const panel = page.getByTestId("item-panel");
  const days = panel.getByLabel("Working days");
  const problemOf = async (field: ReturnType<Page["getByLabel"]>) => page.locator(`#${(await field.getAttribute("aria-describedby"))!.split(" ").pop()}`);

  const cases: [string, RegExp][] = [
    ["0", /^An item lasts at least 1 working day\.$/],
    ["-3", /^An item lasts at least 1 working day\.$/],
    ["2.5", /^Working days are whole days: enter 3 rather than 2\.5\.$/],
    ["abc", /^“abc” is not a number\. Enter how many working days it lasts, such as 5\.$/],
  ];
  for (const [typed, why] of cases) {
    await days.fill(typed);
    await days.press("Enter");
    await expect(days).toHaveAttribute("aria-invalid", "true");
    await expect(await problemOf(days)).toHaveText(why);
    // Not reverted: the person's text is still there, and nothing was saved.
    await expect(days).toHaveValue(typed);
    await expect(barNamed(page, "Pilot run")).toHaveAttribute("data-duration", "5");
  }
  await page.screenshot({ path: testInfo.outputPath("working-days-abc.png") });
  // Corrected: saved, and the message goes.
  await days.fill("8");
  await expect(days).not.toHaveAttribute("aria-invalid", "true");
  await days.press("Enter");
  await expect(barNamed(page, "Pilot run")).toHaveAttribute("data-duration", "8");
  await expect(panel.getByTestId("field-problem")).toHaveCount(0);

  // An emptied title says so; Escape brings the old one back.
  const title = panel.getByLabel("Title", { exact: true });
  await title.fill("   ");
  await title.press("Tab");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(await problemOf(title)).toHaveText("An item needs a title. Type one, or press Escape to keep the one it had.");
  await expect(title).toHaveValue("   ");
  await title.focus();
  await title.press("Escape");
  await expect(title).toHaveValue("Pilot run");
  await expect(panel.getByTestId("field-problem")).toHaveCount(0);
});

test("deleting an item says what happened and offers Undo, which brings it back", async ({ browser }, testInfo) => {
  const { page } = await newPerson(browser, "Ursula Undo");
  const board = await createBoard(page.request, "Undo on the spot");
  await openBoard(page, `/boards/${board.id}`);
  await addItem(page, "Signage");
  await addItem(page, "Kiosk");

  // From the panel.
  await barNamed(page, "Signage").click();
  await page.getByRole("button", { name: "Delete item" }).click();
  await page.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(barNamed(page, "Signage")).toHaveCount(0);
  const toast = page.getByTestId("board-toast");
  await expect(toast).toContainText("Deleted “Signage” for everyone.");
  await page.screenshot({ path: testInfo.outputPath("deleted-toast.png") });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(barNamed(page, "Signage")).toBeVisible();
  await expect(toast).toHaveCount(0);

  // With the Delete key on a focused bar: the same, and Undo takes back only that deletion.
  await barNamed(page, "Kiosk").focus();
  await page.keyboard.press("Delete");
  await expect(barNamed(page, "Kiosk")).toHaveCount(0);
  await expect(toast).toContainText("Deleted “Kiosk” for everyone.");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(barNamed(page, "Kiosk")).toBeVisible();
  await expect(barNamed(page, "Signage")).toBeVisible();
});

test("the lane chip says it is load against capacity; the board title looks editable only to those who may edit it", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Lena Lanes");
  const { page: viewer, account } = await newPerson(browser, "Vera Viewer");
  const board = await createBoard(owner.request, "Lane loads");
  await addMember(owner.request, board.id, account.email, "viewer");
  await openBoard(owner, `/boards/${board.id}`);
  await addItem(owner, "Interviews");

  const chip = owner.getByTestId("lane-header").first().getByTestId("lane-load");
  await expect(chip).toHaveText(/^Load \d+(\.\d+)? \/ 3$/);
  await expect(owner.getByRole("img", { name: /^Load \d+(\.\d+)? of capacity 3 per day$/ }).first()).toBeVisible();
  await expect(chip).toHaveAttribute("title", /most work planned on one working day/);

  const editable = owner.getByTestId("board-title-input");
  await expect(editable).toBeVisible();
  await expect(editable).toHaveCSS("border-top-style", "dashed");
  await expect(owner.locator("label[title='Rename the board'] svg")).toBeVisible();

  await openBoard(viewer, `/boards/${board.id}`);
  await expect(viewer.getByTestId("board-title-input")).toHaveCount(0);
  await expect(viewer.getByTestId("board-title")).toHaveCSS("border-top-width", "0px");
  await owner.context().close();
  await viewer.context().close();
});
