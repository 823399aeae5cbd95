import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/** What "live" means in a workshop: the facilitator's gesture shows up within a second. */
const LIVE = { timeout: 1_000 };

// Two people, each with their own sign-up, invitation and browser: on a busy two-core machine that
// alone can take most of a minute, though each step keeps its own (live) limit.
test.describe.configure({ timeout: 120_000 });

/**
 * Alice (an editor, the facilitator) and Vic (a viewer) on a fresh board of Olive's (the owner,
 * not on the board) with one item.
 */
async function facilitatorAndViewer(browser: Browser): Promise<{ alice: Page; vic: Page }> {
  const { page: olive } = await newPerson(browser, "Olive");
  const { page: alice, account: aliceAccount } = await newPerson(browser, "Alice");
  const { page: vic, account: vicAccount } = await newPerson(browser, "Vic");
  const board = await createBoard(olive.context().request, "Workshop");
  await addMember(olive.context().request, board.id, aliceAccount.email, "editor");
  await addMember(olive.context().request, board.id, vicAccount.email, "viewer");
  await olive.context().close();
  await openBoard(alice, `/boards/${board.id}`);
  await openBoard(vic, `/boards/${board.id}`);
  await alice.getByRole("button", { name: "Add item" }).click();
  const title = alice.getByLabel("Title", { exact: true });
  await title.fill("Pilot signage");
  await title.press("Enter");
  await expect(barNamed(vic, "Pilot signage")).toBeVisible(LIVE);
  return { alice, vic };
}

const scrollLeft = (page: Page) => page.getByTestId("timeline").evaluate((el) => el.scrollLeft);

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, "element has a box").not.toBeNull();
  return b!;
}

test("bring everyone here: an editor moves the viewer's timeline to their view once, without following, and Back returns", async ({ browser }, info) => {
  const { alice, vic } = await facilitatorAndViewer(browser);
  // A viewer may not lead: neither button is theirs.
  await expect(vic.getByRole("button", { name: "Bring everyone here" })).toHaveCount(0);
  await expect(vic.getByRole("button", { name: "Ask everyone to follow me" })).toHaveCount(0);

  // Vic looks at months (the board's zoom) where the board opened; Alice zooms to weeks and scrolls far right.
  await expect(vic.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true");
  const vicLeft = await scrollLeft(vic);
  await alice.getByRole("radio", { name: "Weeks" }).click();
  const aliceTimeline = await box(alice.getByTestId("timeline"));
  await alice.mouse.move(aliceTimeline.x + 600, aliceTimeline.y + 300);
  await alice.mouse.wheel(900, 0);
  await expect.poll(() => scrollLeft(alice)).toBeGreaterThan(500);
  const aliceLeft = await scrollLeft(alice);
  // Nothing pulls Vic along before Alice asks.
  await vic.waitForTimeout(400);
  expect(await scrollLeft(vic)).toBe(vicLeft);

  await alice.getByRole("button", { name: "Bring everyone here" }).click();
  await expect(vic.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true", LIVE);
  await expect.poll(async () => Math.abs((await scrollLeft(vic)) - aliceLeft), LIVE).toBeLessThanOrEqual(1);
  const notice = vic.getByTestId("brought-here");
  await expect(notice).toContainText("Moved to Alice’s view");
  const shot = info.outputPath("brought-here.png");
  await vic.screenshot({ path: shot });
  await info.attach("brought-here", { path: shot, contentType: "image/png" });

  // Not following: no pill, no banner, and Alice's next moves leave Vic where he is.
  await expect(vic.getByTestId("follow-pill")).toHaveCount(0);
  await expect(vic.getByTestId("follow-banner")).toHaveCount(0);
  const brought = await scrollLeft(vic);
  // Back over the timeline first: a sideways wheel over the header is the browser's "back" gesture.
  await alice.mouse.move(aliceTimeline.x + 600, aliceTimeline.y + 300);
  await alice.mouse.wheel(-400, 0);
  await alice.getByRole("radio", { name: "Quarters" }).click();
  await vic.waitForTimeout(800);
  expect(await scrollLeft(vic)).toBe(brought);
  await expect(vic.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true");

  // Back: the view Vic had (months, where he was).
  await notice.getByRole("button", { name: "Back" }).click();
  await expect(notice).toHaveCount(0);
  await expect(vic.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true");
  await expect.poll(async () => Math.abs((await scrollLeft(vic)) - vicLeft)).toBeLessThanOrEqual(1);

  // The same request does not move him again (a reconnecting facilitator re-announces it), a new one does.
  await alice.getByRole("button", { name: "Bring everyone here" }).click();
  await expect(vic.getByRole("radio", { name: "Quarters" })).toHaveAttribute("aria-checked", "true", LIVE);
  await expectNoCspViolations(vic);
  await alice.context().close();
  await vic.context().close();
});

test("the laser pointer: while the facilitator (an editor) holds L over the timeline, the viewer sees a fading red trail; it goes on release", async ({ browser }, info) => {
  const { alice, vic } = await facilitatorAndViewer(browser);
  const bar = await box(barNamed(alice, "Pilot signage"));
  const trail = vic.locator('[data-testid="laser-trail"][data-name="Alice"]');

  // Moving without the key shows Alice's cursor, no laser.
  await alice.mouse.move(bar.x + 10, bar.y + bar.height / 2);
  await alice.mouse.move(bar.x + 40, bar.y + bar.height / 2, { steps: 3 });
  await expect(vic.locator('[data-testid="peer-cursor"][data-name="Alice"]')).toBeVisible(LIVE);
  await expect(trail).toHaveCount(0);

  await alice.keyboard.down("l");
  await alice.mouse.move(bar.x + 100, bar.y + bar.height / 2 + 30, { steps: 6 });
  await expect(trail).toBeVisible(LIVE);
  // A trail, not a dot, while the mouse keeps moving (a resting mouse's tail fades within a second,
  // so on a busy machine the check moves on a little each time it looks).
  const y = bar.y + bar.height / 2 + 30;
  let x = bar.x + 100;
  await expect
    .poll(async () => {
      x += 20;
      await alice.mouse.move(x, y, { steps: 4 });
      return Number(await trail.getAttribute("data-points"));
    }, { timeout: 5_000 })
    .toBeGreaterThan(3);
  // Alice sees her own trail too.
  await expect(alice.getByTestId("laser-trail")).toBeVisible();
  // The head of the trail is where Alice's mouse is on the board (same zoom and scroll here).
  const [vicCanvas, aliceCanvas] = [await box(vic.getByTestId("timeline-canvas")), await box(alice.getByTestId("timeline-canvas"))];
  await expect
    .poll(async () => {
      const dot = await box(trail.locator("circle").last());
      return Math.round(Math.abs(dot.x + dot.width / 2 - vicCanvas.x - (x - aliceCanvas.x)));
    }, LIVE)
    .toBeLessThanOrEqual(2);
  const shot = info.outputPath("laser.png");
  await vic.screenshot({ path: shot });
  await info.attach("laser", { path: shot, contentType: "image/png" });

  await alice.keyboard.up("l");
  await expect(trail).toHaveCount(0, LIVE);
  await expect(alice.getByTestId("laser-trail")).toHaveCount(0);

  // A viewer holding L points no laser at anyone.
  const vicBar = await box(barNamed(vic, "Pilot signage"));
  await vic.mouse.move(vicBar.x + 10, vicBar.y + vicBar.height / 2);
  await vic.keyboard.down("l");
  await vic.mouse.move(vicBar.x + 200, vicBar.y + vicBar.height / 2, { steps: 8 });
  await expect(alice.locator('[data-testid="peer-cursor"][data-name="Vic"]')).toBeVisible(LIVE);
  await expect(alice.getByTestId("laser-trail")).toHaveCount(0);
  await vic.keyboard.up("l");
  await expectNoCspViolations(vic);
  await alice.context().close();
  await vic.context().close();
});
