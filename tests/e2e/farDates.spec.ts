import { expect, test } from "@playwright/test";
import { boardMap, recordMap } from "../../lib/model/docLayout";
import { barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { rawWrite, seedItems } from "./seedBoard";

/**
 * Issue 14, point 4: typing 9999-12-31 as the horizon's end hung the timeline at the weeks
 * scale. Date fields now refuse dates outside 1900-01-01 … 2199-12-31 (docs/dates.md) with a
 * message, and a raw client that writes one anyway gets a conflict, not a frozen tab.
 */
const screenshots = process.env.WAYMARK_SCREENSHOTS;

test("9999-12-31 as the horizon's end is refused at the field, and a raw client's far dates still leave a working timeline", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const ana = await newPerson(browser, "Ana Far Dates");
  const { page } = ana;
  const board = await createBoard(page.request, "Far dates");
  const ids = await seedItems(page.request, baseURL!, board.id, [{ title: "Discovery", lane: "Development", startOffset: 0, duration: 5 }, { title: "Far away", lane: "Development", startOffset: 10, duration: 3 }]);
  await openBoard(page, `/boards/${board.id}`);
  await page.getByRole("radiogroup", { name: "Time scale" }).getByRole("radio", { name: "Weeks" }).click();

  await page.getByRole("button", { name: "Board setup" }).click();
  await page.getByTestId("board-setup").getByRole("tab", { name: "Goal & calendar" }).click();
  const settings = page.getByTestId("board-settings-editor");
  const horizonEnd = settings.getByLabel("Horizon ends");
  const before = await horizonEnd.inputValue();
  await horizonEnd.fill("9999-12-31");
  const problem = settings.getByTestId("date-problem");
  await expect(problem).toHaveText("9999-12-31 is outside the supported dates (1900-01-01 to 2199-12-31), so it was not saved.");
  await expect(horizonEnd).toHaveAttribute("aria-invalid", "true");
  if (screenshots) await page.screenshot({ path: `${screenshots}/far-dates-refused.png` });
  // Leaving the field shows the board's horizon again, and the message stays.
  await settings.getByLabel("Horizon starts").focus();
  await expect(horizonEnd).toHaveValue(before);
  await expect(problem).toBeVisible();
  // Typed key by key, the year passes through 0002, 0020 and 0203 (a real date outside the
  // range) on its way to 2030: the field keeps what is typed and writes the whole date.
  await horizonEnd.click();
  await horizonEnd.press("ArrowLeft");
  await horizonEnd.press("ArrowLeft");
  await horizonEnd.pressSequentially("12312030");
  await expect(horizonEnd).toHaveValue("2030-12-31");
  await expect(problem).toBeHidden();
  await settings.getByLabel("Horizon starts").focus();
  await expect(horizonEnd).toHaveValue("2030-12-31");
  // A holiday in 2200 cannot be added either.
  await settings.getByLabel("New holiday").fill("2200-01-01");
  await expect(settings.getByRole("button", { name: "Add holiday" })).toBeDisabled();
  await expect(settings.getByTestId("date-problem").last()).toContainText("2200-01-01 is outside the supported dates");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("board-setup")).toBeHidden();
  await expect(page.getByTestId("time-axis")).toBeVisible();
  await expect(barNamed(page, "Discovery")).toBeVisible();

  // A raw client writes what the fields refuse: the horizon's end and an item's start in 9999.
  const farItem = ids.get("Far away")!;
  await rawWrite(
    page.request,
    baseURL!,
    board.id,
    (doc) => {
      boardMap(doc).set("horizonEnd", "9999-12-31");
      recordMap(doc, "items", farItem)!.set("start", "9999-12-31");
    },
    (snap) => snap.board.horizonEnd === "2199-12-31",
  );
  // The timeline still answers: the axis runs to the end of 2199 (at most), the bars are drawn,
  // and both far dates are reported with the range.
  // Only the ticks in view are drawn (axisWindow.ts): scroll to the far end to see 2199.
  const toTheEnd = () => page.getByTestId("timeline").evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await expect(async () => {
    await toTheEnd();
    await expect(page.getByTestId("time-axis")).toContainText("December 2199", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  expect(await page.getByTestId("time-axis").locator("> div").count()).toBeLessThan(400);
  await page.getByTestId("timeline").evaluate((el) => (el.scrollLeft = 0));
  await expect(barNamed(page, "Discovery")).toBeVisible();
  await page.getByTestId("conflict-summary").click();
  const messages = page.getByTestId("conflict-message");
  await expect(messages.filter({ hasText: "horizon end cannot be used: 9999-12-31 is outside the supported dates (1900-01-01 to 2199-12-31)" })).toHaveCount(1);
  await expect(messages.filter({ hasText: "“Far away” has a start that cannot be used: 9999-12-31" })).toHaveCount(1);
  // Still responsive: switching scales redraws at once (within the default 5 s, on a shared machine).
  await page.getByRole("radiogroup", { name: "Time scale" }).getByRole("radio", { name: "Quarters" }).click();
  await toTheEnd();
  await expect(page.getByTestId("time-axis")).toContainText("21982199");
  if (screenshots) await page.screenshot({ path: `${screenshots}/far-dates-raw-client.png` });
  await expectNoCspViolations(page);
});
