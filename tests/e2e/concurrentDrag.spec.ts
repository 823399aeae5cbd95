import { expect, test, type Page } from "@playwright/test";
import { addCalendarDays, date } from "../../lib/model/dates";
import { addMember, barNamed, createBoard, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

// Two browsers, each holding a drag while the other drops: longer than the default 30 s on two cores.
test.describe.configure({ timeout: 60_000 });

const LIVE = { timeout: 2_000 };
/** Pixels per day at the Weeks zoom. */
const DAY = 24;

/** Presses on a bar and drags it `days` days sideways in steps, without letting go; returns where the ghost is. */
async function holdDrag(page: Page, title: string, days: number): Promise<{ x: number; y: number }> {
  const bar = barNamed(page, title);
  const box = (await bar.boundingBox())!;
  const from = { x: box.x + 12, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (days * DAY) / 2, from.y, { steps: 5 });
  await page.mouse.move(from.x + days * DAY, from.y, { steps: 5 });
  const ghost = (await bar.boundingBox())!;
  return { x: ghost.x, y: ghost.y };
}

test("two people drag the same bar at once: the ghost stays under each pointer, and the last drop lands exactly where its author aimed", async ({ browser, baseURL }) => {
  const { page: ana } = await newPerson(browser, "Ana");
  const { page: ben, account: benAccount } = await newPerson(browser, "Ben");
  const board = await createBoard(ana.context().request, "Concurrent drags");
  await addMember(ana.context().request, board.id, benAccount.email, "editor");
  // "Signage" starts on the third Monday and lasts a week.
  await seedItems(ana.context().request, baseURL!, board.id, [{ title: "Signage", lane: "Development", startOffset: 14, duration: 5 }]);
  for (const page of [ana, ben]) {
    await openBoard(page, `/boards/${board.id}`);
    await page.getByRole("radio", { name: "Weeks" }).click();
  }
  const start = date((await barNamed(ana, "Signage").getAttribute("data-start"))!);
  const later = addCalendarDays(start, 14);
  const earlier = addCalendarDays(start, -14);

  // Ben grabs the bar and holds it two weeks earlier.
  const benGhost = await holdDrag(ben, "Signage", -14);
  // Ana drags it two weeks later and drops first; Ben's screen learns of it while he still holds.
  await holdDrag(ana, "Signage", 14);
  await ana.mouse.up();
  await expect(barNamed(ana, "Signage")).toHaveAttribute("data-start", later);
  await expect(barNamed(ben, "Signage")).toHaveAttribute("data-start", later, LIVE);

  // Ben's ghost did not jump: it is still under his pointer.
  const still = (await barNamed(ben, "Signage").boundingBox())!;
  expect(Math.abs(still.x - benGhost.x)).toBeLessThan(2);
  expect(Math.abs(still.y - benGhost.y)).toBeLessThan(2);

  // Ben lets go: the bar lands where he saw it, two weeks before the start both saw at first.
  await ben.mouse.up();
  await expect(barNamed(ben, "Signage")).toHaveAttribute("data-start", earlier);
  await expect(barNamed(ana, "Signage")).toHaveAttribute("data-start", earlier, LIVE);
});
