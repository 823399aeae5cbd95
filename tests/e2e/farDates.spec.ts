import { expect, test } from "@playwright/test";
import { boardMap, collection, newRecordMap, recordMap } from "../../lib/model/docLayout";
import { newDependencyId } from "../../lib/model/ids";
import { barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { rawWrite, seedItems } from "./seedBoard";

/**
 * Issue 14, point 4: typing 9999-12-31 as the horizon's end hung the timeline at the weeks
 * scale. Date fields now refuse dates outside 1900-01-01 … 2199-12-31 (docs/dates.md) with a
 * message; a raw client that writes one anyway is refused by the server, and a schedule pushed
 * past the range by a huge lag stops at its end with a conflict, not a frozen tab.
 */
const screenshots = process.env.WAYMARK_SCREENSHOTS;

test("9999-12-31 as the horizon's end is refused at the field and by the server, and a schedule pushed past 2199 still leaves a working timeline", async ({ browser, baseURL }) => {
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

  // A raw client writes what the fields refuse: the sync server refuses it too (its layout check
  // holds every field to its schema: docs/document-rules.md), so nothing of it is stored or shown.
  const farItem = ids.get("Far away")!;
  const discovery = ids.get("Discovery")!;
  await expect(
    rawWrite(
      page.request,
      baseURL!,
      board.id,
      (doc) => boardMap(doc).set("horizonEnd", "9999-12-31"),
      (snap) => snap.board.horizonEnd === "9999-12-31",
      3_000,
    ),
  ).rejects.toThrow();
  // What does reach the year 2199 and past it: a lag of 100,000 working days, a valid value. The
  // schedule stops at the last supported date and says so; the timeline still answers.
  await rawWrite(
    page.request,
    baseURL!,
    board.id,
    (doc) => {
      recordMap(doc, "items", farItem)!.set("start", null);
      collection(doc, "dependencies").set(newDependencyId(), newRecordMap({ fromId: discovery, toId: farItem, lag: 100_000 }));
    },
    (snap) => snap.dependencies.some((d) => d.lag === 100_000),
  );
  // The axis runs to the end of 2199 (at most), the bars are drawn, and the cut-off is reported.
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
  await expect(messages.filter({ hasText: "“Far away” is scheduled to run to Tue, Dec 31, 2199, the last date Waymark supports" })).toHaveCount(1);
  // Still responsive: switching scales redraws at once (within the default 5 s, on a shared machine).
  await page.getByRole("radiogroup", { name: "Time scale" }).getByRole("radio", { name: "Quarters" }).click();
  await toTheEnd();
  await expect(page.getByTestId("time-axis")).toContainText("21982199");
  if (screenshots) await page.screenshot({ path: `${screenshots}/far-dates-raw-client.png` });
  await expectNoCspViolations(page);
});
