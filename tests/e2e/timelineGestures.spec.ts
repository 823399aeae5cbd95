import { expect, test, type Browser, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

// Two browsers and several gestures each: on a busy two-core machine that outlasts the default 30 s.
test.describe.configure({ timeout: 60_000 });

/** What "live" means in a workshop: another person's edit shows up within a second. */
const LIVE = { timeout: 1_000 };
/** Pixels per day at the Weeks zoom (components/roadmap/timeline/geometry.ts). */
const DAY = 24;

/** Alice (owner) and Bob (editor) on a fresh board, both at the Weeks zoom. */
async function twoPeople(browser: Browser): Promise<{ alice: Page; bob: Page }> {
  const { page: alice } = await newPerson(browser, "Alice");
  const { page: bob, account: bobAccount } = await newPerson(browser, "Bob");
  const board = await createBoard(alice.context().request, "Timeline gestures");
  await addMember(alice.context().request, board.id, bobAccount.email, "editor");
  for (const page of [alice, bob]) {
    await openBoard(page, `/boards/${board.id}`);
    await page.getByRole("radio", { name: "Weeks" }).click();
  }
  return { alice, bob };
}

/**
 * The visible part of the lanes: page x where the canvas shows, lane `index`'s middle, and a
 * y inside the lane above its first row of bars (empty space whatever the lane holds; the
 * header's Today pill hangs 7 px into the first lane, the first bars start 12 px down).
 */
async function laneSpot(page: Page, index: number): Promise<{ left: number; y: number; empty: number; laneId: string }> {
  const timeline = (await page.getByTestId("timeline").boundingBox())!;
  const header = page.getByTestId("lane-header").nth(index);
  const box = (await header.boundingBox())!;
  return { left: timeline.x + 216, y: box.y + box.height / 2, empty: box.y + 9, laneId: (await header.getAttribute("data-lane-id"))! };
}

/**
 * Draws an item by dragging along a lane from `from` to `to` pixels right of the lanes' left
 * edge, names it, and returns the start and duration the ghost promised.
 */
async function drawItem(page: Page, lane: number, from: number, to: number, title: string): Promise<{ start: string; duration: string }> {
  const { left, empty: y } = await laneSpot(page, lane);
  await page.mouse.move(left + from, y);
  await page.mouse.down();
  await page.mouse.move(left + (from + to) / 2, y, { steps: 3 });
  await page.mouse.move(left + to, y, { steps: 3 });
  const ghost = page.getByTestId("create-ghost");
  await expect(ghost).toBeVisible();
  const promised = { start: (await ghost.getAttribute("data-start"))!, duration: (await ghost.getAttribute("data-duration"))! };
  await page.mouse.up();
  await expect(ghost).toHaveCount(0);
  // The new item is selected, with its title ready to type over.
  const titleField = page.getByLabel("Title", { exact: true });
  await expect(titleField).toBeFocused();
  await titleField.fill(title);
  await titleField.press("Enter");
  await expect(barNamed(page, title)).toHaveAttribute("aria-pressed", "true");
  return promised;
}

/** Presses the left button on a point, moves there in steps and releases. */
async function dragFromTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 3, from.y + (to.y - from.y) / 3, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Links drawn on a page, all kinds together. */
const linkCount = (page: Page) =>
  page
    .getByTestId("dependency-arrows")
    .evaluate((svg) => [...svg.querySelectorAll("g[data-count]")].reduce((n, g) => n + Number(g.getAttribute("data-count")), 0));

test("drawing, moving and resizing bars by dragging: each change reaches the other person live", async ({ browser }) => {
  const { alice, bob } = await twoPeople(browser);

  // Alice draws an item over five days of the Testing lane; Bob sees it with those dates.
  const drawn = await drawItem(alice, 2, 10 * DAY + 4, 14 * DAY + 4, "Usability test");
  expect(Number(drawn.duration)).toBeGreaterThanOrEqual(3); // 5 days dragged, weekends do not count
  const aliceBar = barNamed(alice, "Usability test");
  const bobBar = barNamed(bob, "Usability test");
  await expect(aliceBar).toHaveAttribute("data-start", drawn.start);
  await expect(aliceBar).toHaveAttribute("data-duration", drawn.duration);
  await expect(bobBar).toHaveAttribute("data-start", drawn.start, LIVE);
  await expect(bobBar).toHaveAttribute("data-duration", drawn.duration);
  const testingLane = (await laneSpot(alice, 2)).laneId;
  await expect(bobBar).toHaveAttribute("data-lane-id", testingLane);

  // A double-click still adds an item where it lands (default length).
  const { left, y } = await laneSpot(alice, 4);
  await alice.mouse.dblclick(left + 3 * DAY, y);
  await expect(alice.getByLabel("Title", { exact: true })).toBeFocused();
  await alice.getByLabel("Title", { exact: true }).fill("Launch brief");
  await alice.getByLabel("Title", { exact: true }).press("Enter");
  await expect(barNamed(bob, "Launch brief")).toBeVisible(LIVE);

  // Alice drags the bar a week later and a lane down; the bar follows the pointer before the drop.
  const box = (await aliceBar.boundingBox())!;
  const laneBelowY = (await laneSpot(alice, 3)).y;
  await alice.mouse.move(box.x + 12, box.y + box.height / 2);
  await alice.mouse.down();
  await alice.mouse.move(box.x + 12 + 3.5 * DAY, box.y + box.height / 2, { steps: 4 });
  await alice.mouse.move(box.x + 12 + 7 * DAY, laneBelowY, { steps: 4 });
  const moving = (await aliceBar.boundingBox())!;
  expect(moving.x).toBeGreaterThan(box.x + 6 * DAY); // drawn where the pointer is, not where the doc still has it
  await alice.mouse.up();
  const communicationLane = (await laneSpot(alice, 3)).laneId;
  await expect(aliceBar).toHaveAttribute("data-lane-id", communicationLane);
  const movedStart = (await aliceBar.getAttribute("data-start"))!;
  expect(movedStart > drawn.start).toBe(true);
  await expect(bobBar).toHaveAttribute("data-start", movedStart, LIVE);
  await expect(bobBar).toHaveAttribute("data-lane-id", communicationLane, LIVE);

  // Bob drags its right end two weeks out; Alice sees the new duration.
  const end = (await bobBar.boundingBox())!;
  const grip = bobBar.getByTestId("item-resize");
  const gripBox = (await grip.boundingBox())!;
  await dragFromTo(bob, { x: gripBox.x + gripBox.width / 2, y: end.y + end.height / 2 }, { x: gripBox.x + gripBox.width / 2 + 14 * DAY, y: end.y + end.height / 2 });
  await expect(bobBar).not.toHaveAttribute("data-duration", drawn.duration);
  const resized = (await bobBar.getAttribute("data-duration"))!;
  expect(Number(resized)).toBe(Number(drawn.duration) + 10);
  await expect(aliceBar).toHaveAttribute("data-duration", resized, LIVE);
  await expect(aliceBar).toHaveAttribute("data-start", movedStart);

  await expectNoCspViolations(alice);
  await expectNoCspViolations(bob);
  await alice.context().close();
  await bob.context().close();
});

test("drawing a dependency from a bar's handle onto another bar: refused onto itself or twice, seen by the other person", async ({ browser }) => {
  const { alice, bob } = await twoPeople(browser);
  await drawItem(alice, 0, 2 * DAY + 4, 4 * DAY + 4, "Research");
  await drawItem(alice, 1, 9 * DAY + 4, 12 * DAY + 4, "Build");
  await expect(barNamed(bob, "Build")).toBeVisible(LIVE);
  expect(await linkCount(bob)).toBe(0);

  const research = barNamed(alice, "Research");
  const build = barNamed(alice, "Build");
  const handleAt = async () => {
    await research.hover();
    const handle = research.getByTestId("link-handle");
    await expect(handle).toBeVisible();
    const box = (await handle.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const middleOf = async (page: Page, title: string) => {
    const box = (await barNamed(page, title).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  // Dropped back onto its own bar: refused on the spot, nothing written.
  let from = await handleAt();
  await alice.mouse.move(from.x, from.y);
  await alice.mouse.down();
  const self = await middleOf(alice, "Research");
  await alice.mouse.move(self.x, self.y, { steps: 5 });
  await expect(research).toHaveAttribute("data-link-target", "refused");
  await expect(alice.getByText("An item cannot depend on itself")).toBeVisible();
  await alice.mouse.up();
  expect(await linkCount(alice)).toBe(0);

  // Onto Build: the rubber band follows the pointer, Build lights up, the drop writes the link.
  from = await handleAt();
  await alice.mouse.move(from.x, from.y);
  await alice.mouse.down();
  const target = await middleOf(alice, "Build");
  await alice.mouse.move((from.x + target.x) / 2, (from.y + target.y) / 2, { steps: 4 });
  await expect(alice.getByTestId("link-rubber-band")).toBeVisible();
  await alice.mouse.move(target.x, target.y, { steps: 4 });
  await expect(build).toHaveAttribute("data-link-target", "ok");
  await alice.mouse.up();
  await expect(alice.getByTestId("link-rubber-band")).toHaveCount(0);
  await expect.poll(() => linkCount(alice)).toBe(1);
  await expect.poll(() => linkCount(bob), LIVE).toBe(1);
  // Bob sees it in Build's panel as what Build waits for.
  await barNamed(bob, "Build").click();
  await expect(bob.getByTestId("dependency-section").getByTestId("dependency")).toContainText("Research");

  // The same link again: refused, still one.
  from = await handleAt();
  await alice.mouse.move(from.x, from.y);
  await alice.mouse.down();
  await alice.mouse.move(target.x, target.y, { steps: 6 });
  await expect(build).toHaveAttribute("data-link-target", "refused");
  await expect(alice.getByText("Already linked")).toBeVisible();
  await alice.mouse.up();
  await alice.waitForTimeout(300);
  expect(await linkCount(alice)).toBe(1);
  expect(await linkCount(bob)).toBe(1);

  await alice.context().close();
  await bob.context().close();
});

test("the bar menu deletes an item for everyone; opened with the mouse or Shift+F10", async ({ browser }) => {
  const { alice, bob } = await twoPeople(browser);
  await drawItem(alice, 0, 2 * DAY + 4, 4 * DAY + 4, "Keep me");
  await drawItem(alice, 1, 6 * DAY + 4, 8 * DAY + 4, "Scrap me");
  await expect(barNamed(bob, "Scrap me")).toBeVisible(LIVE);

  // Right-click opens it at the pointer; Escape closes it and gives the bar its focus back.
  await barNamed(alice, "Scrap me").click({ button: "right" });
  const menu = alice.getByRole("menu", { name: "Actions for Scrap me" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: "Remove dependencies" })).toHaveAttribute("aria-disabled", "true");
  await alice.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(barNamed(alice, "Scrap me")).toBeFocused();

  // From the keyboard: Shift+F10, arrow down to Delete, Enter.
  await alice.keyboard.press("Shift+F10");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await alice.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await alice.keyboard.press("Enter");
  await expect(barNamed(alice, "Scrap me")).toHaveCount(0);
  await expect(barNamed(bob, "Scrap me")).toHaveCount(0, LIVE);
  await expect(barNamed(bob, "Keep me")).toBeVisible();

  // Duplicate from the menu: the copy is selected, and Bob gets it too.
  await barNamed(alice, "Keep me").click({ button: "right" });
  await alice.getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(barNamed(alice, "Keep me (copy)")).toHaveAttribute("aria-pressed", "true");
  await expect(barNamed(bob, "Keep me (copy)")).toBeVisible(LIVE);

  await alice.context().close();
  await bob.context().close();
});

test("keyboard: arrows move focus between bars, Alt+arrows move the item a day or a lane, one step each", async ({ browser }) => {
  const { alice, bob } = await twoPeople(browser);
  await drawItem(alice, 0, 2 * DAY + 4, 4 * DAY + 4, "First");
  const second = await drawItem(alice, 0, 9 * DAY + 4, 11 * DAY + 4, "Second");
  await expect(barNamed(bob, "Second")).toBeVisible(LIVE);

  // The accessible name says title, dates and status.
  await expect(barNamed(alice, "Second")).toHaveAttribute("aria-label", /^Second, \w{3,4} \d{1,2} to \w{3,4} \d{1,2}, Planned$/);

  await barNamed(alice, "First").focus();
  await alice.keyboard.press("ArrowRight");
  await expect(barNamed(alice, "Second")).toBeFocused();
  await alice.keyboard.press("ArrowLeft");
  await expect(barNamed(alice, "First")).toBeFocused();
  await alice.keyboard.press("ArrowRight");

  // Alt+Right: one working day later (Friday → Monday skips the weekend).
  await alice.keyboard.press("Alt+ArrowRight");
  const after = await barNamed(alice, "Second").getAttribute("data-start");
  expect(after! > second.start).toBe(true);
  await expect(barNamed(bob, "Second")).toHaveAttribute("data-start", after!, LIVE);
  await expect(barNamed(alice, "Second")).toBeFocused();

  // Alt+Down: to the next lane, same start; focus stays on the bar.
  const laneBelow = (await laneSpot(alice, 1)).laneId;
  await alice.keyboard.press("Alt+ArrowDown");
  await expect(barNamed(alice, "Second")).toHaveAttribute("data-lane-id", laneBelow);
  await expect(barNamed(alice, "Second")).toHaveAttribute("data-start", after!);
  await expect(barNamed(bob, "Second")).toHaveAttribute("data-lane-id", laneBelow, LIVE);
  await expect(barNamed(alice, "Second")).toBeFocused();

  // Enter selects it and opens its panel.
  await alice.keyboard.press("Enter");
  await expect(barNamed(alice, "Second")).toHaveAttribute("aria-pressed", "true");
  await expect(alice.getByTestId("item-panel")).toBeVisible();

  await alice.context().close();
  await bob.context().close();
});

test("lane headers show peak load against capacity; collapsing a lane is one person's view and survives a reload", async ({ browser }) => {
  const { alice, bob } = await twoPeople(browser);
  const testing = alice.getByTestId("lane-header").nth(2);
  await expect(testing.getByTestId("lane-load")).toHaveText("Load 0 / 3");

  // Four overlapping items in a lane of capacity 3: over capacity, in red, for both.
  for (const name of ["T1", "T2", "T3", "T4"]) await drawItem(alice, 2, 10 * DAY + 4, 12 * DAY + 4, name);
  await expect(testing.getByTestId("lane-load")).toHaveText("Load 4 / 3");
  await expect(testing.getByTestId("lane-load")).toHaveAttribute("data-over", "true");
  await expect(bob.getByTestId("lane-header").nth(2).getByTestId("lane-load")).toHaveText("Load 4 / 3", LIVE);

  // Alice folds the Testing lane: its bars give way to a summary row; Bob's view is unchanged.
  await testing.getByRole("button", { name: "Collapse Testing" }).click();
  await expect(testing).toHaveAttribute("data-collapsed", "true");
  await expect(barNamed(alice, "T1")).toHaveCount(0);
  await expect(alice.locator(`[data-testid="lane-summary"][data-lane-id="${await testing.getAttribute("data-lane-id")}"]`)).toHaveCount(1);
  await expect(testing.getByTestId("lane-load")).toHaveText("Load 4 / 3");
  await expect(barNamed(bob, "T1")).toBeVisible();
  await expect(bob.getByTestId("lane-header").nth(2)).toHaveAttribute("data-collapsed", "false");

  // Still folded after a reload (kept in Alice's browser), and unfolds again.
  await alice.reload();
  await expect(alice.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(alice.getByTestId("lane-header").nth(2)).toHaveAttribute("data-collapsed", "true");
  await alice.getByRole("button", { name: "Expand Testing" }).click();
  await expect(barNamed(alice, "T1")).toBeVisible();

  await alice.context().close();
  await bob.context().close();
});

test("panning: Space+drag and the middle button scroll the timeline, Shift+wheel scrolls it sideways", async ({ browser }) => {
  const { page } = await newPerson(browser, "Pan");
  const board = await createBoard(page.context().request, "Panning");
  await openBoard(page, `/boards/${board.id}`);
  await page.getByRole("radio", { name: "Weeks" }).click();
  const timeline = page.getByTestId("timeline");
  const scrollLeft = () => timeline.evaluate((el) => el.scrollLeft);
  const { left, y } = await laneSpot(page, 1);
  // Space typed into the zoom buttons would press them: start from the page itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  let before = await scrollLeft();
  await page.mouse.move(left + 400, y);
  await page.keyboard.down("Space");
  await expect(timeline).toHaveAttribute("data-pan", "ready");
  await dragFromTo(page, { x: left + 400, y }, { x: left + 100, y });
  await page.keyboard.up("Space");
  expect(await scrollLeft()).toBeCloseTo(before + 300, -1);
  await expect(page.getByTestId("create-ghost")).toHaveCount(0);
  await expect(page.getByTestId("item-bar")).toHaveCount(0); // a pan never draws an item

  before = await scrollLeft();
  await page.mouse.move(left + 100, y);
  await page.mouse.down({ button: "middle" });
  await page.mouse.move(left + 300, y, { steps: 4 });
  await page.mouse.up({ button: "middle" });
  expect(await scrollLeft()).toBeCloseTo(before - 200, -1);

  before = await scrollLeft();
  await page.keyboard.down("Shift");
  await page.mouse.wheel(0, 240);
  await page.keyboard.up("Shift");
  await expect.poll(scrollLeft).toBeGreaterThan(before + 100);

  // A bar dragged to the right edge and held there scrolls the timeline and lands beyond
  // what was in view when the drag started.
  const drawn = await drawItem(page, 1, 4 * DAY + 4, 6 * DAY + 4, "Far away");
  await page.getByRole("button", { name: "Close panel" }).click();
  const bar = barNamed(page, "Far away");
  const box = (await bar.boundingBox())!;
  const view = (await timeline.boundingBox())!;
  before = await scrollLeft();
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(view.x + view.width - 30, box.y + box.height / 2, { steps: 10 });
  await expect.poll(scrollLeft).toBeGreaterThan(before + 400);
  await page.mouse.up();
  const landed = (await bar.getAttribute("data-start"))!;
  const days = (Date.parse(landed) - Date.parse(drawn.start)) / 86_400_000;
  expect(days).toBeGreaterThan((view.width - 30 - (box.x + 10 - view.x) + 400) / DAY - 3);
  await page.context().close();
});

test("a viewer can look, focus and open a bar's menu, but drawing, linking and moving do nothing", async ({ browser }) => {
  const { page: alice } = await newPerson(browser, "Alice");
  const { page: vic, account: vicAccount } = await newPerson(browser, "Vic");
  const board = await createBoard(alice.context().request, "Read-only gestures");
  await addMember(alice.context().request, board.id, vicAccount.email, "viewer");
  for (const page of [alice, vic]) {
    await openBoard(page, `/boards/${board.id}`);
    await page.getByRole("radio", { name: "Weeks" }).click();
  }
  const drawn = await drawItem(alice, 0, 2 * DAY + 4, 4 * DAY + 4, "Look only");
  const bar = barNamed(vic, "Look only");
  await expect(bar).toBeVisible(LIVE);

  // No link handle; a drag along a lane draws no ghost and adds nothing.
  await bar.hover();
  await expect(bar.getByTestId("link-handle")).toHaveCount(0);
  const { left, empty } = await laneSpot(vic, 1);
  await dragFromTo(vic, { x: left + 6 * DAY, y: empty }, { x: left + 10 * DAY, y: empty });
  await expect(vic.getByTestId("create-ghost")).toHaveCount(0);
  await expect(vic.getByTestId("item-bar")).toHaveCount(1);

  // Alt+arrows are refused (and Alt+Left does not take the browser back a page); the menu
  // offers only what reading allows.
  await bar.focus();
  await vic.keyboard.press("Alt+ArrowRight");
  await vic.keyboard.press("Alt+ArrowLeft");
  await vic.keyboard.press("Alt+ArrowDown");
  await expect(vic).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await vic.keyboard.press("Shift+F10");
  const menu = vic.getByRole("menu", { name: "Actions for Look only" });
  await expect(menu.getByRole("menuitem")).toHaveText(["Show details", "Open comments"]);
  await vic.keyboard.press("Enter");
  await expect(vic.getByTestId("item-panel")).toBeVisible();
  await expect(barNamed(alice, "Look only")).toHaveAttribute("data-start", drawn.start);
  await expect(barNamed(alice, "Look only")).toHaveAttribute("data-lane-id", (await laneSpot(alice, 0)).laneId);

  await alice.context().close();
  await vic.context().close();
});
