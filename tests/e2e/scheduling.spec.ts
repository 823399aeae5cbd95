import { expect, test, type Page } from "@playwright/test";
import { addCalendarDays, date } from "../../lib/model/dates";
import { addDependency } from "../../lib/model/dependencyCommands";
import type { ItemId } from "../../lib/model/ids";
import { createOrigin } from "../../lib/model/origin";
import { barNamed, createBoard, newPerson, openBoard } from "./people";
import { rawWrite, seedItems, type SeedItem } from "./seedBoard";

// Seeding, two or three drags and a reload each: more than the default 30 s on two cores.
test.describe.configure({ timeout: 60_000 });

/** Pixels per day at the Weeks zoom. */
const DAY = 24;
const LINKS = createOrigin("import", "e2e-links");

/** A board of `items`, linked `from → to`, open at the Weeks zoom for its owner. */
async function plannedBoard(browser: import("@playwright/test").Browser, baseURL: string, items: SeedItem[], links: [string, string][]): Promise<Page> {
  const { page } = await newPerson(browser, "Planner");
  const board = await createBoard(page.context().request, "Scheduling");
  const ids = await seedItems(page.context().request, baseURL, board.id, items);
  if (links.length)
    await rawWrite(
      page.context().request,
      baseURL,
      board.id,
      (doc) => {
        for (const [from, to] of links) {
          const added = addDependency(doc, LINKS, { fromId: ids.get(from)! as ItemId, toId: ids.get(to)! as ItemId });
          if (!added.ok) throw new Error(added.error);
        }
      },
      (snap) => snap.dependencies.length === links.length,
    );
  await openBoard(page, `/boards/${board.id}`);
  await page.getByRole("radio", { name: "Weeks" }).click();
  return page;
}

async function dragBar(page: Page, title: string, days: number): Promise<void> {
  const box = (await barNamed(page, title).boundingBox())!;
  const from = { x: box.x + 12, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (days * DAY) / 2, from.y, { steps: 4 });
  await page.mouse.move(from.x + days * DAY, from.y, { steps: 4 });
  await page.mouse.up();
}

const startOf = async (page: Page, title: string) => date((await barNamed(page, title).getAttribute("data-start"))!);

test("moving a predecessor moves what follows it; pins show on the bars and toggle in one click; dragging a follower pins it and says so", async ({ browser, baseURL }) => {
  const page = await plannedBoard(
    browser,
    baseURL!,
    [
      { title: "Research", lane: "Service design", startOffset: 0, duration: 5 },
      { title: "Prototype", lane: "Development", duration: 5 },
      { title: "Usability test", lane: "Testing", duration: 5 },
    ],
    [
      ["Research", "Prototype"],
      ["Prototype", "Usability test"],
    ],
  );
  await expect(barNamed(page, "Research")).toHaveAttribute("data-pinned", "true");
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-pinned", "false");
  await expect(barNamed(page, "Research").getByTestId("pin-toggle")).toHaveAttribute("data-pinned", "true");

  // Research a week later: the chain follows, and no conflict appears.
  const before = { prototype: await startOf(page, "Prototype"), test: await startOf(page, "Usability test") };
  await dragBar(page, "Research", 7);
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-start", addCalendarDays(before.prototype, 7));
  await expect(barNamed(page, "Usability test")).toHaveAttribute("data-start", addCalendarDays(before.test, 7));
  await expect(page.getByTestId("conflict-summary")).toHaveAttribute("data-total", "0");

  // The item panel says in one sentence what pinned and auto-scheduled mean.
  await barNamed(page, "Prototype").click();
  await expect(page.getByTestId("item-pin-explained")).toContainText("Auto-scheduled");
  await barNamed(page, "Research").click();
  await expect(page.getByTestId("item-pin-explained")).toContainText("Pinned");

  // One click on Prototype's pin pins it where it is drawn: nothing moves, and Research's next move leaves it.
  const prototypeStart = await startOf(page, "Prototype");
  await barNamed(page, "Prototype").hover();
  await barNamed(page, "Prototype").getByTestId("pin-toggle").click();
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-pinned", "true");
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-start", prototypeStart);
  // One more click unpins it; Undo pins it again, in one step.
  await barNamed(page, "Prototype").getByTestId("pin-toggle").click();
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-pinned", "false");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-pinned", "true");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(barNamed(page, "Prototype")).toHaveAttribute("data-pinned", "false");

  // Dragging the auto-scheduled "Usability test" pins it, and a notice says so, with Unpin.
  await page.getByRole("button", { name: "Close panel" }).click();
  const testStart = await startOf(page, "Usability test");
  await dragBar(page, "Usability test", 14);
  await expect(barNamed(page, "Usability test")).toHaveAttribute("data-pinned", "true");
  await expect(barNamed(page, "Usability test")).toHaveAttribute("data-start", addCalendarDays(testStart, 14));
  const notice = page.getByTestId("pin-notice");
  await expect(notice).toContainText("no longer follows its predecessors");
  await notice.getByRole("button", { name: "Unpin" }).click();
  await expect(barNamed(page, "Usability test")).toHaveAttribute("data-pinned", "false");
  await expect(barNamed(page, "Usability test")).toHaveAttribute("data-start", testStart);
});

test("a viewer sees which items are pinned but cannot toggle a pin", async ({ browser, baseURL }) => {
  const page = await plannedBoard(browser, baseURL!, [{ title: "Kick-off", lane: "Service design", startOffset: 7, duration: 3 }], []);
  const url = page.url();
  const { page: viewer, account } = await newPerson(browser, "Viewer");
  const { addMember } = await import("./people");
  await addMember(page.context().request, url.split("/").pop()!, account.email, "viewer");
  await openBoard(viewer, new URL(url).pathname);
  await viewer.getByRole("radio", { name: "Weeks" }).click();
  const pin = barNamed(viewer, "Kick-off").getByTestId("pin-toggle");
  await expect(pin).toHaveAttribute("data-pinned", "true");
  await expect(pin).toHaveAttribute("data-toggle", "false");
  await pin.click({ force: true });
  await expect(barNamed(viewer, "Kick-off")).toHaveAttribute("data-pinned", "true");
  await expect(barNamed(page, "Kick-off")).toHaveAttribute("data-pinned", "true");
});

test("a chain of pinned items: 'move it and everything after it' previews the moves and resolves the chain in one undo step", async ({ browser, baseURL }) => {
  const page = await plannedBoard(
    browser,
    baseURL!,
    [
      // API runs Wed to Tue: Frontend, pinned for Mon, starts two working days too early; Launch follows Frontend back to back.
      { title: "API", lane: "Development", startOffset: 9, duration: 5 },
      { title: "Frontend", lane: "Development", startOffset: 14, duration: 5 },
      { title: "Launch", lane: "Communication", startOffset: 21, duration: 1 },
    ],
    [
      ["API", "Frontend"],
      ["Frontend", "Launch"],
    ],
  );
  const summary = page.getByTestId("conflict-summary");
  await expect(summary).toHaveAttribute("data-total", "1");
  await summary.click();
  const conflict = page.getByTestId("conflict");
  await conflict.getByTestId("chain-fix-open").click();
  const moves = conflict.getByTestId("chain-fix-move");
  await expect(moves).toHaveCount(2);
  await expect(moves.nth(0)).toContainText("Frontend");
  await expect(moves.nth(0)).toContainText("+2 wd");
  await expect(moves.nth(1)).toContainText("Launch");
  await expect(moves.nth(1)).toContainText("+2 wd");
  const launch = await startOf(page, "Launch");
  await conflict.getByTestId("chain-fix-apply").click();
  await expect(summary).toHaveAttribute("data-total", "0");
  await expect(barNamed(page, "Launch")).not.toHaveAttribute("data-start", launch);
  // One undo step puts both back, and the conflict with them.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(barNamed(page, "Launch")).toHaveAttribute("data-start", launch);
  await expect(summary).toHaveAttribute("data-total", "1");
});

test("an item's finish can be set in the panel; long durations read in years; an item before the horizon stays findable", async ({ browser, baseURL }) => {
  const page = await plannedBoard(
    browser,
    baseURL!,
    [
      { title: "Workshop", lane: "Service design", startOffset: 7, duration: 5 },
      { title: "Legacy audit", lane: "Operations", startOffset: -120, duration: 5 },
    ],
    [],
  );
  await barNamed(page, "Workshop").click();
  const start = await startOf(page, "Workshop");
  // Finish on the Friday of the following week: ten working days.
  await page.getByLabel("Finish", { exact: true }).fill(addCalendarDays(start, 11));
  await page.getByLabel("Finish", { exact: true }).press("Tab");
  await expect(page.getByLabel("Working days", { exact: true })).toHaveValue("10");
  await expect(barNamed(page, "Workshop")).toHaveAttribute("data-duration", "10");
  // A thousand working days also say how long that is.
  await page.getByLabel("Working days", { exact: true }).fill("1000");
  await page.getByLabel("Working days", { exact: true }).press("Enter");
  await expect(page.getByTestId("item-duration-words")).toHaveText("1,000 working days (≈ 3.8 years)");
  await page.getByRole("button", { name: "Close panel" }).click();

  // "Legacy audit" began long before the board's start: off screen, but a marker points to it.
  const audit = barNamed(page, "Legacy audit");
  await expect(audit).not.toBeInViewport();
  const marker = page.getByTestId("edge-marker").and(page.locator('[data-side="before"]'));
  await expect(marker).toHaveAccessibleName(/1 item earlier in Operations: show “Legacy audit”/);
  await marker.click();
  await expect(audit).toBeInViewport();
  await expect(marker).toHaveCount(0);
});

test("after a drop the other bars keep their rows, and a title beside its bar stays clear of badges and links", async ({ browser, baseURL }) => {
  // Four bars in one lane: A and C share the first row, B and D the second (A ends before C starts).
  const page = await plannedBoard(
    browser,
    baseURL!,
    [
      { title: "Alpha", lane: "Development", startOffset: 7, duration: 5 },
      { title: "Bravo", lane: "Development", startOffset: 9, duration: 5 },
      { title: "Charlie", lane: "Development", startOffset: 14, duration: 5 },
      { title: "Delta", lane: "Development", startOffset: 17, duration: 5 },
      // A one-day item pinned before its predecessor finishes: a conflict badge, and a title beside the bar.
      { title: "Go/no-go review", lane: "Testing", startOffset: 8, duration: 1 },
    ],
    [["Alpha", "Go/no-go review"]],
  );
  const top = async (title: string) => (await barNamed(page, title).boundingBox())!.y;
  const before = { bravo: await top("Bravo"), charlie: await top("Charlie"), delta: await top("Delta") };
  expect(before.charlie).toBeLessThan(before.bravo);
  // Alpha moves four weeks on. Packed afresh, Bravo, Charlie and Delta would all change rows.
  const alpha = await startOf(page, "Alpha");
  await dragBar(page, "Alpha", 28);
  await expect(barNamed(page, "Alpha")).toHaveAttribute("data-start", addCalendarDays(alpha, 28));
  expect({ bravo: await top("Bravo"), charlie: await top("Charlie"), delta: await top("Delta") }).toEqual(before);

  // The review's title is drawn beside its short bar, right of the conflict badge, not under it.
  const review = barNamed(page, "Go/no-go review");
  const badge = (await review.getByTestId("conflict-badge").boundingBox())!;
  const title = (await review.getByTestId("bar-title").boundingBox())!;
  expect(title.x).toBeGreaterThanOrEqual(badge.x + badge.width);
  // Links run under the bars, and a title beside its bar wears a halo they pass beneath.
  const z = (selector: string) => page.locator(selector).first().evaluate((el) => Number(getComputedStyle(el).zIndex));
  expect(await z('[data-testid="dependency-arrows"]')).toBeLessThan(await z('[data-testid="item-bar"]'));
  expect(await review.getByTestId("bar-title").evaluate((el) => getComputedStyle(el).textShadow)).not.toBe("none");
});
