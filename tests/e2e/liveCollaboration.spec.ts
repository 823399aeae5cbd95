import { expect, test } from "@playwright/test";
import { addMember, barNamed, expectNoCspViolations, newPerson, openBoard } from "./people";

/** What "live" means to people in a workshop: another person's edit shows up within a second. */
const LIVE = { timeout: 1_000 };

test("two people on one board see each other and each other's edits live, and edits survive a reload", async ({ browser }) => {
  const { page: alice } = await newPerson(browser, "Alice");
  const { page: bob, account: bobAccount } = await newPerson(browser, "Bob");

  // Alice creates a board from the home page and lands on it.
  await alice.goto("/");
  await alice.getByLabel("Roadmap title").fill("Workshop board");
  await alice.getByRole("button", { name: "Create roadmap" }).click();
  await alice.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/);
  const boardPath = new URL(alice.url()).pathname;
  await expect(alice.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(alice.getByTestId("lane-header")).toHaveCount(6);

  // Alice makes Bob an editor, and he opens it.
  await addMember(alice.context().request, boardPath.split("/").pop()!, bobAccount.email, "editor");
  await openBoard(bob, boardPath);

  // Presence: each sees the other by their account's name, both editing.
  await expect(alice.getByTestId("presence-peer").filter({ hasText: "Bob" })).toHaveAttribute("data-read-only", "false");
  await expect(bob.getByTestId("presence-peer").filter({ hasText: "Alice" })).toBeVisible();
  await expect(bob.getByTestId("read-only-banner")).toHaveCount(0);

  // Alice adds an item and names it; Bob sees it within a second.
  await alice.getByRole("button", { name: "Add item" }).click();
  const title = alice.getByLabel("Title", { exact: true });
  await expect(title).toBeFocused();
  await title.fill("Pilot signage");
  await title.press("Enter");
  const aliceBar = barNamed(alice, "Pilot signage");
  const bobBar = barNamed(bob, "Pilot signage");
  await expect(aliceBar).toBeVisible();
  await expect(bobBar).toBeVisible(LIVE);
  const firstStart = await aliceBar.getAttribute("data-start");
  const firstLane = await aliceBar.getAttribute("data-lane-id");
  await expect(bobBar).toHaveAttribute("data-start", firstStart!);

  // Alice drags the bar three weeks later and one lane down: one move for Bob to see.
  const developmentLane = alice.getByTestId("lane-header").nth(1);
  const targetLaneId = await developmentLane.getAttribute("data-lane-id");
  const laneBox = (await developmentLane.boundingBox())!;
  const barBox = (await aliceBar.boundingBox())!;
  const from = { x: barBox.x + 10, y: barBox.y + barBox.height / 2 };
  await alice.mouse.move(from.x, from.y);
  await alice.mouse.down();
  await alice.mouse.move(from.x + 60, from.y + 10, { steps: 4 });
  await alice.mouse.move(from.x + 150, laneBox.y + laneBox.height / 2, { steps: 6 });
  await alice.mouse.up();
  await expect(aliceBar).toHaveAttribute("data-lane-id", targetLaneId!);
  await expect(aliceBar).not.toHaveAttribute("data-start", firstStart!);
  const movedStart = (await aliceBar.getAttribute("data-start"))!;
  expect(movedStart > firstStart!).toBe(true);
  expect(targetLaneId).not.toBe(firstLane);
  await expect(bobBar).toHaveAttribute("data-start", movedStart, LIVE);
  await expect(bobBar).toHaveAttribute("data-lane-id", targetLaneId!, LIVE);

  // Bob sees that Alice has the item selected.
  await expect(bobBar.getByText("Alice")).toBeVisible(LIVE);

  // Bob reschedules it in the side panel; Alice sees the new start.
  await bobBar.click();
  await expect(bob.getByTestId("item-panel")).toBeVisible();
  await bob.getByLabel("Start", { exact: true }).fill("2027-03-01");
  await expect(aliceBar).toHaveAttribute("data-start", "2027-03-01", LIVE);

  // A reload (a fresh replica from the server) still has the item where it was left.
  await bob.reload();
  await expect(bob.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(bobBar).toHaveAttribute("data-start", "2027-03-01");
  await expect(bobBar).toHaveAttribute("data-lane-id", targetLaneId!);

  await expectNoCspViolations(alice);
  await expectNoCspViolations(bob);
  await alice.context().close();
  await bob.context().close();
});
