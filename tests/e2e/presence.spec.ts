import { expect, test, type Browser, type Locator, type Page, type TestInfo } from "@playwright/test";
import { joinCrowd } from "./crowd";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/** What "live" means in a workshop: another person's hand shows up within a second. */
const LIVE = { timeout: 1_000 };

// Two or ten people, each with their own sign-up and browser: more than the default 30 s on a
// busy two-core machine, though each step keeps its own (live) limit.
test.describe.configure({ timeout: 60_000 });

/**
 * Alice (owner) and Bob (editor) on a fresh board with one item, "Pilot signage", that Alice
 * made (and has selected).
 */
async function twoPeopleOnABoard(browser: Browser): Promise<{ alice: Page; bob: Page }> {
  const { page: alice } = await newPerson(browser, "Alice");
  const { page: bob, account: bobAccount } = await newPerson(browser, "Bob");
  const board = await createBoard(alice.context().request, "Workshop");
  await addMember(alice.context().request, board.id, bobAccount.email, "editor");
  await openBoard(alice, `/boards/${board.id}`);
  await openBoard(bob, `/boards/${board.id}`);
  await alice.getByRole("button", { name: "Add item" }).click();
  const title = alice.getByLabel("Title", { exact: true });
  await title.fill("Pilot signage");
  await title.press("Enter");
  await expect(barNamed(bob, "Pilot signage")).toBeVisible(LIVE);
  return { alice, bob };
}

const cursorOf = (page: Page, name: string) => page.locator(`[data-testid="peer-cursor"][data-name="${name}"]`);
const scrollLeft = (page: Page) => page.getByTestId("timeline").evaluate((el) => el.scrollLeft);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, "element has a box").not.toBeNull();
  return b!;
}

/** Light, then dark: both screenshots go to the test's output folder (and the report). */
async function shots(page: Page, name: string, info: TestInfo): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Controls fade between schemes (CSS transitions): shoot once they have settled.
    await page.waitForTimeout(400);
    const path = info.outputPath(`${name}-${colorScheme}.png`);
    await page.screenshot({ path });
    await info.attach(`${name}-${colorScheme}`, { path, contentType: "image/png" });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("each sees the other's cursor with their name, at the same place on the board at any zoom, and the other's selection", async ({ browser }, info) => {
  const { alice, bob } = await twoPeopleOnABoard(browser);
  const aliceBar = barNamed(alice, "Pilot signage");
  const bobBar = barNamed(bob, "Pilot signage");

  // Alice points at the middle of her bar: Bob sees her arrow there, with her name.
  const target = await box(aliceBar);
  const aliceCanvas = await box(alice.getByTestId("timeline-canvas"));
  await alice.mouse.move(target.x + target.width / 2 - 20, target.y + 8);
  await alice.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 3 });
  const cursor = cursorOf(bob, "Alice");
  await expect(cursor).toBeVisible(LIVE);
  await expect(cursor).toContainText("Alice");
  const pointed = { x: target.x + target.width / 2 - aliceCanvas.x, y: target.y + target.height / 2 - aliceCanvas.y };
  const bobCanvas = await box(bob.getByTestId("timeline-canvas"));
  await expect.poll(async () => Math.round((await box(cursor)).x - bobCanvas.x - pointed.x), LIVE).toBe(0);
  expect(Math.abs((await box(cursor)).y - bobCanvas.y - pointed.y)).toBeLessThanOrEqual(1);

  // Bob sees Alice's selection of the item she made.
  await expect(bobBar.getByText("Alice")).toBeVisible(LIVE);
  await shots(bob, "cursor-and-selection", info);

  // Bob points too: Alice sees him.
  const bobTarget = await box(bobBar);
  await bob.mouse.move(bobTarget.x + 4, bobTarget.y + bobTarget.height + 6, { steps: 2 });
  await expect(cursorOf(alice, "Bob")).toBeVisible(LIVE);

  // Bob zooms out to quarters: Alice's arrow still points into the same (now narrow) bar.
  await bob.getByRole("radio", { name: "Quarters" }).click();
  await alice.mouse.move(target.x + target.width / 2 + 1, target.y + target.height / 2, { steps: 2 });
  await expect
    .poll(async () => {
      const [arrow, bar] = [await box(cursor), await box(bobBar)];
      return arrow.x >= bar.x && arrow.x <= bar.x + bar.width && arrow.y >= bar.y && arrow.y <= bar.y + bar.height;
    }, LIVE)
    .toBe(true);

  // Alice leaves the timeline for the header: her arrow goes.
  await alice.mouse.move(700, 20, { steps: 2 });
  await expect(cursor).toHaveCount(0, LIVE);

  await expectNoCspViolations(alice);
  await expectNoCspViolations(bob);
  await alice.context().close();
  await bob.context().close();
});

test("a bar someone is dragging is outlined for the others in their colour, with their name, until they drop it", async ({ browser }, info) => {
  const { alice, bob } = await twoPeopleOnABoard(browser);
  const aliceBar = barNamed(alice, "Pilot signage");
  const itemId = (await aliceBar.getAttribute("data-item-id"))!;
  const start = (await aliceBar.getAttribute("data-start"))!;
  const from = await box(aliceBar);
  await alice.mouse.move(from.x + 10, from.y + from.height / 2);
  await alice.mouse.down();
  await alice.mouse.move(from.x + 60, from.y + from.height / 2, { steps: 4 });
  await alice.mouse.move(from.x + 130, from.y + from.height / 2 + 4, { steps: 4 });

  const outline = bob.locator(`[data-testid="peer-drag"][data-item-id="${itemId}"]`);
  await expect(outline).toBeVisible(LIVE);
  await expect(outline).toHaveAttribute("data-name", "Alice");
  await expect(outline).toContainText("Alice · moving");
  await shots(bob, "drag-outline", info);

  await alice.mouse.up();
  await expect(outline).toHaveCount(0, LIVE);
  await expect(barNamed(bob, "Pilot signage")).not.toHaveAttribute("data-start", start, LIVE);
  await alice.context().close();
  await bob.context().close();
});

test("following someone: zoom and scroll follow theirs until the follower scrolls", async ({ browser }, info) => {
  const { alice, bob } = await twoPeopleOnABoard(browser);
  // Alice looks at the phase board first: the timeline she comes back to is a new element,
  // whose scrolling must still be announced.
  await alice.getByRole("tab", { name: "Phases" }).click();
  await alice.getByRole("tab", { name: "Timeline" }).click();
  await expect(alice.getByTestId("timeline")).toBeVisible();
  await bob.getByRole("button", { name: "Follow Alice" }).click();
  const pill = bob.getByTestId("follow-pill");
  await expect(pill).toContainText("Following Alice");

  // Alice zooms to months and scrolls well to the right: Bob's timeline does the same.
  await alice.getByRole("radio", { name: "Months" }).click();
  await expect(bob.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true", LIVE);
  const aliceTimeline = await box(alice.getByTestId("timeline"));
  await alice.mouse.move(aliceTimeline.x + 600, aliceTimeline.y + 300);
  await alice.mouse.wheel(900, 0);
  await expect.poll(() => scrollLeft(alice)).toBeGreaterThan(500);
  const aliceLeft = await scrollLeft(alice);
  await expect.poll(async () => Math.abs((await scrollLeft(bob)) - aliceLeft), LIVE).toBeLessThanOrEqual(1);
  await shots(bob, "following", info);

  // Bob scrolls by himself: following stops, and Alice's next moves no longer move him.
  const bobTimeline = await box(bob.getByTestId("timeline"));
  await bob.mouse.move(bobTimeline.x + 600, bobTimeline.y + 300);
  await bob.mouse.wheel(-300, 0);
  await expect(pill).toHaveCount(0);
  await expect.poll(() => scrollLeft(bob)).toBeLessThan(aliceLeft - 100);
  const bobLeft = await scrollLeft(bob);
  await alice.getByRole("radio", { name: "Quarters" }).click();
  await alice.mouse.wheel(-400, 0);
  await alice.waitForTimeout(800);
  expect(await scrollLeft(bob)).toBe(bobLeft);
  await expect(bob.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true");

  // Zooming by himself, with the keyboard too, ends following, and his zoom stays his.
  await bob.getByRole("button", { name: "Follow Alice" }).click();
  await expect(bob.getByRole("radio", { name: "Quarters" })).toHaveAttribute("aria-checked", "true", LIVE);
  await bob.keyboard.press("1");
  await expect(pill).toHaveCount(0);
  await bob.waitForTimeout(500);
  await expect(bob.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true");

  // And at the Stop button.
  await bob.getByRole("button", { name: "Follow Alice" }).click();
  await expect(bob.getByRole("radio", { name: "Quarters" })).toHaveAttribute("aria-checked", "true", LIVE);
  await pill.getByRole("button", { name: "Stop" }).click();
  await expect(pill).toHaveCount(0);
  await alice.context().close();
  await bob.context().close();
});

test("a facilitator asks everyone to follow: the others get a banner and follow until they stop; the facilitator ends it", async ({ browser }, info) => {
  const { alice, bob } = await twoPeopleOnABoard(browser);
  await alice.getByRole("button", { name: "Ask everyone to follow me" }).click();
  await expect(alice.getByTestId("follow-banner")).toContainText("You asked everyone to follow you.");

  const banner = bob.getByTestId("follow-banner");
  await expect(banner).toContainText("Alice asks everyone to follow along.", LIVE);
  await expect(bob.getByTestId("follow-pill")).toContainText("Following Alice");
  await alice.getByRole("radio", { name: "Months" }).click();
  const aliceTimeline = await box(alice.getByTestId("timeline"));
  await alice.mouse.move(aliceTimeline.x + 600, aliceTimeline.y + 300);
  await alice.mouse.wheel(700, 0);
  await expect.poll(() => scrollLeft(alice)).toBeGreaterThan(300);
  const aliceLeft = await scrollLeft(alice);
  await expect(bob.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true", LIVE);
  await expect.poll(async () => Math.abs((await scrollLeft(bob)) - aliceLeft), LIVE).toBeLessThanOrEqual(1);
  await shots(bob, "follow-me-asked", info);
  await shots(alice, "follow-me-facilitator", info);

  // Bob steps out; the banner offers the way back, and the same request does not pull him in again.
  await banner.getByRole("button", { name: "Stop following" }).click();
  await expect(bob.getByTestId("follow-pill")).toHaveCount(0);
  await expect(banner.getByRole("button", { name: "Follow Alice" })).toBeVisible();
  await banner.getByRole("button", { name: "Follow Alice" }).click();
  await expect(bob.getByTestId("follow-pill")).toBeVisible();

  // Alice ends it: Bob's banner goes, and so does the following it started.
  await alice.getByTestId("follow-banner").getByRole("button", { name: "End follow me" }).click();
  await expect(banner).toHaveCount(0, LIVE);
  await expect(bob.getByTestId("follow-pill")).toHaveCount(0);
  await expect(bob.getByTestId("follow-ended")).toContainText('Alice ended "follow me"');
  await expectNoCspViolations(bob);
  await alice.context().close();
  await bob.context().close();
});

test("a workshop bigger than the row of avatars: '+N' lists everyone, and following someone from the list moves the view", async ({ browser, baseURL }, info) => {
  const { page: alice } = await newPerson(browser, "Alice");
  const board = await createBoard(alice.context().request, "Big workshop");
  await openBoard(alice, `/boards/${board.id}`);
  const crowd = await joinCrowd(baseURL!, alice.context().request, board.id, 9, "Crowd");
  await expect(alice.getByTestId("presence-peer")).toHaveCount(6);
  await expect(alice.getByTestId("presence-more")).toHaveText("+3");
  await alice.getByTestId("presence-more").click();
  const list = alice.getByTestId("people-list");
  await expect(list.getByTestId("people-list-person")).toHaveCount(9);
  await shots(alice, "people-list", info);

  // Crowd 9 is off the row of avatars: follow them from the list.
  const leader = crowd.members[8]!;
  const lane = crowd.laneIds[0]!;
  leader.view({ scale: "weeks", day: crowd.firstDay + 60, lane, y: 0 });
  await list.getByRole("button", { name: "Follow Crowd 9" }).click();
  await expect(list).toHaveCount(0);
  await expect(alice.getByTestId("follow-pill")).toContainText("Following Crowd 9");
  await expect(alice.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true", LIVE);
  await alice.waitForTimeout(300);
  const before = await scrollLeft(alice);
  // 30 days later at 24 px a day (weeks): 720 px further right.
  leader.view({ scale: "weeks", day: crowd.firstDay + 90, lane, y: 0 });
  await expect.poll(async () => (await scrollLeft(alice)) - before, LIVE).toBe(720);

  // Their pointer shows with their name; leaving the board takes the avatar, cursor and following away.
  leader.point({ day: crowd.firstDay + 200, lane, y: 0.5 });
  await expect(cursorOf(alice, "Crowd 9")).toBeVisible(LIVE);
  crowd.leave();
  await expect(alice.getByTestId("follow-ended")).toContainText("Crowd 9 left the board", { timeout: 3_000 });
  await expect(alice.getByTestId("follow-pill")).toHaveCount(0);
  await expect(cursorOf(alice, "Crowd 9")).toHaveCount(0);
  await expect(alice.getByTestId("presence-peer")).toHaveCount(0, { timeout: 5_000 });
  await alice.context().close();
});
