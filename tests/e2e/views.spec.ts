import { expect, test, type Page } from "@playwright/test";
import { expectNoCspViolations, laptop } from "./people";
import { above, card, column, dragCard, LIVE, openView, row, tableTitles, titles, workshopBoard } from "./viewsHelpers";

// Two or three people per test on a shared 2-core machine: give them room beyond the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("the view switcher is a keyboard tab list kept in the URL, and selection opens the item panel in every view", async ({ browser, baseURL }) => {
  const { alice, board } = await workshopBoard(browser, baseURL!, []);
  await alice.goto(`/boards/${board.id}`);
  await expect(alice.getByTestId("timeline")).toBeVisible();
  const tabs = alice.getByRole("tablist", { name: "Roadmap view" });
  await expect(tabs.getByRole("tab", { name: "Timeline" })).toHaveAttribute("aria-selected", "true");

  // Keyboard: the selected tab is the one tab stop; arrows switch views and the URL follows.
  await tabs.getByRole("tab", { name: "Timeline" }).focus();
  await alice.keyboard.press("ArrowRight");
  await expect(alice.getByTestId("phase-board")).toBeVisible();
  await expect(tabs.getByRole("tab", { name: "Phases" })).toBeFocused();
  await expect(alice).toHaveURL(/\?view=phases$/);
  await alice.keyboard.press("ArrowRight");
  await expect(alice.getByTestId("item-table")).toBeVisible();
  await expect(alice).toHaveURL(/\?view=table$/);
  await alice.keyboard.press("Home");
  await expect(alice.getByTestId("timeline")).toBeVisible();
  expect(new URL(alice.url()).search).toBe("");
  await alice.keyboard.press("End");
  await expect(alice.getByTestId("item-table")).toBeVisible();

  // A link opens the same view; a reload keeps it.
  await alice.reload();
  await expect(alice.getByTestId("item-table")).toBeVisible();
  await expect(tabs.getByRole("tab", { name: "Table" })).toHaveAttribute("aria-selected", "true");
  await expect(tabs.getByRole("tab", { name: "Table" })).toHaveAttribute("tabindex", "0");
  await expect(tabs.getByRole("tab", { name: "Timeline" })).toHaveAttribute("tabindex", "-1");

  // The table opens an item's panel, comments tab included.
  const row = alice.getByTestId("table-row").filter({ has: alice.getByLabel("Title of Payments") });
  await row.getByRole("button", { name: "Open Payments" }).click();
  const panel = alice.getByTestId("item-panel");
  await expect(panel.getByLabel("Title", { exact: true })).toHaveValue("Payments");
  await expect(row).toHaveAttribute("aria-selected", "true");
  await panel.getByTestId("item-tab-comments").click();
  await expect(panel.getByTestId("item-comments")).toBeVisible();
  await panel.getByTestId("item-tab-details").click();

  // The phase board: the selection carries over, a click or Enter opens another card.
  await alice.getByRole("tab", { name: "Phases" }).click();
  await expect(card(alice, "Payments")).toHaveAttribute("aria-pressed", "true");
  await card(alice, "Pilot run").click();
  await expect(panel.getByLabel("Title", { exact: true })).toHaveValue("Pilot run");
  await card(alice, "Reminders").focus();
  await alice.keyboard.press("Enter");
  await expect(panel.getByLabel("Title", { exact: true })).toHaveValue("Reminders");
  // An edit in the panel shows on the card at once.
  await panel.getByLabel("Status").selectOption("done");
  await expect(card(alice, "Reminders")).toHaveAttribute("data-status", "done");
  await expectNoCspViolations(alice);
});

test("two people in the MVP-cut workshop: a card dragged to another phase and one reordered within a column show up for the other within a second", async ({ browser, baseURL }) => {
  const { alice, board, people } = await workshopBoard(browser, baseURL!, [{ name: "Bob", role: "editor" }]);
  const bob = people[0]!;
  await openView(alice, board.id, "phases");
  await openView(bob, board.id, "phases");
  await expect(column(alice, "No phase").getByTestId("phase-column-count")).toHaveText("1");
  expect(await titles(alice, "MVP")).toEqual(["Booking flow", "Payments", "Service blueprint"]);
  expect(await titles(alice, "Pilot")).toEqual(["Pilot invitations", "Pilot run"]);

  // Alice drags "Payments" out of the MVP, into the Pilot between its two cards.
  await dragCard(alice, card(alice, "Payments"), await above(card(alice, "Pilot run")));
  await expect(alice.getByTestId("drop-indicator")).toHaveCount(0);
  await expect.poll(() => titles(alice, "Pilot")).toEqual(["Pilot invitations", "Payments", "Pilot run"]);
  await expect.poll(() => titles(bob, "Pilot"), LIVE).toEqual(["Pilot invitations", "Payments", "Pilot run"]);
  await expect.poll(() => titles(bob, "MVP"), LIVE).toEqual(["Booking flow", "Service blueprint"]);

  // Then she puts the service blueprint first in the MVP.
  await dragCard(alice, card(alice, "Service blueprint"), await above(card(alice, "Booking flow")));
  await expect.poll(() => titles(alice, "MVP")).toEqual(["Service blueprint", "Booking flow"]);
  await expect.poll(() => titles(bob, "MVP"), LIVE).toEqual(["Service blueprint", "Booking flow"]);
  // One drop is one command, so one undo step: Alice takes the reorder back, and redoes it.
  await alice.keyboard.press("ControlOrMeta+z");
  await expect.poll(() => titles(bob, "MVP"), LIVE).toEqual(["Booking flow", "Service blueprint"]);
  await alice.keyboard.press("ControlOrMeta+Shift+z");
  await expect.poll(() => titles(bob, "MVP"), LIVE).toEqual(["Service blueprint", "Booking flow"]);

  // Bob drops a card below the last one of a column, and onto an empty column's free space.
  const reminders = column(bob, "Enhancements");
  const box = (await reminders.boundingBox())!;
  await dragCard(bob, card(bob, "Reminders"), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await expect.poll(() => titles(alice, "Enhancements"), LIVE).toEqual(["Reminders"]);
  await expect.poll(() => titles(alice, "Beta"), LIVE).toEqual([]);

  // Keyboard: Bob moves the focused "Pilot run" up one, then into the Beta column.
  await card(bob, "Pilot run").focus();
  await bob.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => titles(alice, "Pilot"), LIVE).toEqual(["Pilot invitations", "Pilot run", "Payments"]);
  await expect(card(bob, "Pilot run")).toBeFocused();
  await bob.keyboard.press("Alt+ArrowLeft");
  await expect.poll(() => titles(alice, "MVP"), LIVE).toEqual(["Service blueprint", "Pilot run", "Booking flow"]);
  await expect(card(bob, "Pilot run")).toBeFocused();
  await expect(bob.getByTestId("card-announcement")).toHaveText("Moved “Pilot run” to MVP, position 2 of 3.");

  // Escape mid-drag drops nothing.
  const payments = (await card(alice, "Payments").boundingBox())!;
  await alice.mouse.move(payments.x + 20, payments.y + 20);
  await alice.mouse.down();
  await alice.mouse.move(payments.x + 400, payments.y + 40, { steps: 8 });
  await expect(alice.getByTestId("drop-indicator")).toBeVisible();
  await alice.keyboard.press("Escape");
  await alice.mouse.up();
  await expect(alice.getByTestId("drop-indicator")).toHaveCount(0);
  expect(await titles(alice, "Pilot")).toEqual(["Pilot invitations", "Payments"]);

  // Both replicas agree after a reload from the server.
  await bob.reload();
  await expect(bob.getByTestId("phase-board")).toBeVisible();
  await expect.poll(() => titles(bob, "MVP")).toEqual(["Service blueprint", "Pilot run", "Booking flow"]);
  await expectNoCspViolations(alice);
  await expectNoCspViolations(bob);
});

test("following mirrors a timeline: a facilitator's follow-me brings the timeline up, choosing another view stops following", async ({ browser, baseURL }) => {
  const { alice, board, people } = await workshopBoard(browser, baseURL!, [{ name: "Bob", role: "editor" }]);
  const bob = people[0]!;
  await alice.goto(`/boards/${board.id}`);
  await expect(alice.getByTestId("timeline")).toBeVisible();
  await openView(bob, board.id, "table");
  await alice.getByRole("button", { name: "Ask everyone to follow me" }).click();
  await expect(bob.getByTestId("follow-pill")).toContainText("Following Alice", LIVE);
  await expect(bob.getByTestId("timeline")).toBeVisible();
  await expect(bob.getByRole("tab", { name: "Timeline" })).toHaveAttribute("aria-selected", "true");
  expect(new URL(bob.url()).search).toBe("");
  await bob.getByRole("tab", { name: "Phases" }).click();
  await expect(bob.getByTestId("phase-board")).toBeVisible();
  await expect(bob.getByTestId("follow-pill")).toHaveCount(0);
  await expect(bob.getByTestId("follow-banner").getByRole("button", { name: "Follow Alice" })).toBeVisible();
});

test("read-only people (viewer, commenter, guest on a link) see both views but cannot drag a card or edit a cell", async ({ browser, baseURL }) => {
  const { alice, board, people } = await workshopBoard(browser, baseURL!, [
    { name: "Vera", role: "viewer" },
    { name: "Cole", role: "commenter" },
  ]);
  const [vera, cole] = people as [Page, Page];
  await openView(alice, board.id, "phases");
  await openView(vera, board.id, "phases");
  await expect(vera.getByTestId("read-only-badge")).toBeVisible();
  await expect(card(vera, "Payments")).toHaveAttribute("data-draggable", "false");

  // Vera drags "Payments" onto the Pilot column: no ghost, no drop line, nothing moves anywhere.
  await dragCard(vera, card(vera, "Payments"), await above(card(vera, "Pilot run")), false);
  await expect(vera.getByTestId("card-ghost")).toHaveCount(0);
  await expect(vera.getByTestId("drop-indicator")).toHaveCount(0);
  // The keyboard refuses too, and says why.
  await card(vera, "Payments").focus();
  await vera.keyboard.press("Alt+ArrowRight");
  await expect(vera.getByTestId("card-announcement")).toHaveText(/view only/);
  // Her press was a click: the panel opens, every field disabled.
  await expect(vera.getByTestId("item-panel").getByLabel("Title", { exact: true })).toBeDisabled();
  // Give a wrongly sent move time to arrive, then check both screens.
  await alice.waitForTimeout(1_000);
  expect(await titles(alice, "MVP")).toEqual(["Booking flow", "Payments", "Service blueprint"]);
  expect(await titles(vera, "MVP")).toEqual(["Booking flow", "Payments", "Service blueprint"]);
  expect(await titles(alice, "Pilot")).toEqual(["Pilot invitations", "Pilot run"]);

  // The table: text, no controls, but sorting and opening still work; for a commenter too.
  for (const person of [vera, cole]) {
    await openView(person, board.id, "table");
    await expect(person.getByTestId("table-row")).toHaveCount(7);
    await expect(person.getByTestId("table-row").getByRole("textbox")).toHaveCount(0);
    await expect(person.getByTestId("table-row").getByRole("combobox")).toHaveCount(0);
    await person.getByTestId("sort-priority").click();
    await expect.poll(async () => (await tableTitles(person))[0]).toBe("Booking flow");
    await row(person, "Pilot run").click();
    await expect(person.getByTestId("item-panel").getByLabel("Title", { exact: true })).toHaveValue("Pilot run");
    await expect(person.getByTestId("item-panel").getByLabel("Title", { exact: true })).toBeDisabled();
  }
  // A guest on a view-only link: both views, the same refusals.
  const link = await alice.context().request.post(`/api/boards/${board.id}/share-links`);
  expect(link.status(), await link.text()).toBe(201);
  const { path } = (await link.json()) as { path: string };
  const guest = await (await laptop(browser)).newPage();
  await guest.goto(`${path}?view=phases`);
  await expect(guest.getByTestId("read-only-banner")).toContainText("share link");
  await expect(card(guest, "Payments")).toHaveAttribute("data-draggable", "false");
  await dragCard(guest, card(guest, "Payments"), await above(card(guest, "Pilot run")), false);
  await expect(guest.getByTestId("card-ghost")).toHaveCount(0);
  await guest.getByRole("tab", { name: "Table" }).click();
  await expect(guest).toHaveURL(/\?view=table$/);
  await expect(guest.getByTestId("table-row")).toHaveCount(7);
  await expect(guest.getByTestId("table-row").getByRole("textbox")).toHaveCount(0);
  await alice.waitForTimeout(500);
  expect(await titles(alice, "MVP")).toEqual(["Booking flow", "Payments", "Service blueprint"]);
  await expectNoCspViolations(vera);
  await expectNoCspViolations(guest);
});
