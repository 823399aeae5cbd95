import { expect, test, type Page } from "@playwright/test";
import * as Y from "yjs";
import { connectClient } from "../helpers/syncClient";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";

/**
 * Editing safety with two people at two laptops: undo that only undoes your own changes, the
 * keyboard layer, offline work that merges on reconnect (and survives a reload), and the
 * collaborative description with the other person's caret.
 */

/** What "live" means in a workshop: the other person's edit shows up within a second. */
const LIVE = { timeout: 1_000 };

/** Screenshots for a person to look at (light and dark), when WAYMARK_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.WAYMARK_SCREENSHOTS;
  if (!folder) return;
  await page.screenshot({ path: `${folder}/${name}-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${folder}/${name}-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
}

/** Two editors on a fresh board: Alice owns it, Bob edits it. */
async function workshop(browser: import("@playwright/test").Browser, title: string) {
  const alice = await newPerson(browser, "Alice");
  const bob = await newPerson(browser, "Bob");
  const board = await createBoard(alice.page.context().request, title);
  await addMember(alice.page.context().request, board.id, bob.account.email, "editor");
  const path = `/boards/${board.id}`;
  await openBoard(alice.page, path);
  await openBoard(bob.page, path);
  return { alice, bob, board, path };
}

/** Adds an item through the toolbar and names it; leaves it selected with its panel open. */
async function addNamedItem(page: Page, title: string): Promise<void> {
  await page.getByRole("button", { name: "Add item" }).click();
  const field = page.getByLabel("Title", { exact: true });
  await expect(field).toBeFocused();
  await field.fill(title);
  await field.press("Enter");
  await expect(barNamed(page, title)).toBeVisible();
}

/** Moves a bar one working day later with the keyboard (one named command). */
async function nudge(page: Page, title: string): Promise<string> {
  const bar = barNamed(page, title);
  const before = (await bar.getAttribute("data-start"))!;
  await bar.focus();
  await page.keyboard.press("Alt+ArrowRight"); // plain arrows move focus between bars
  await expect(bar).not.toHaveAttribute("data-start", before);
  return (await bar.getAttribute("data-start"))!;
}

test("undo reverts only my own changes, never a colleague's, step by step", async ({ browser }) => {
  const { alice, bob } = await workshop(browser, "Undo board");
  const a = alice.page;
  const b = bob.page;
  const undo = a.getByRole("button", { name: "Undo", exact: true });
  const redo = a.getByRole("button", { name: "Redo", exact: true });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  await addNamedItem(a, "Alice's survey");
  await addNamedItem(b, "Bob's pilot");
  await expect(barNamed(a, "Bob's pilot")).toBeVisible(LIVE);
  const aliceStart = (await barNamed(a, "Alice's survey").getAttribute("data-start"))!;
  await nudge(a, "Alice's survey");
  const bobMoved = await nudge(b, "Bob's pilot");
  await expect(barNamed(a, "Bob's pilot")).toHaveAttribute("data-start", bobMoved, LIVE);

  // Alice's undo takes back her move; Bob's move, made after it, stays for both.
  await expect(undo).toBeEnabled();
  await undo.click();
  for (const page of [a, b]) {
    await expect(barNamed(page, "Alice's survey")).toHaveAttribute("data-start", aliceStart, LIVE);
    await expect(barNamed(page, "Bob's pilot")).toHaveAttribute("data-start", bobMoved);
  }

  // Ctrl+Z (away from any field): the rename, then the creation. Bob's item is untouched.
  await a.getByTestId("timeline").click({ position: { x: 5, y: 5 } });
  await a.keyboard.press("Control+z");
  await expect(barNamed(b, "New item")).toBeVisible(LIVE);
  await a.keyboard.press("Control+z");
  for (const page of [a, b]) {
    await expect(page.getByTestId("item-bar")).toHaveCount(1, LIVE);
    await expect(barNamed(page, "Bob's pilot")).toHaveAttribute("data-start", bobMoved);
  }
  await expect(undo).toBeDisabled();

  // Redo (Ctrl+Shift+Z) brings the item back for both; Bob's own history is his alone.
  await a.keyboard.press("Control+Shift+z");
  await expect(barNamed(b, "New item")).toBeVisible(LIVE);
  await expect(redo).toBeEnabled();
  await b.getByTestId("timeline").click({ position: { x: 5, y: 5 } });
  await b.keyboard.press("Control+z");
  await expect(barNamed(a, "Bob's pilot")).not.toHaveAttribute("data-start", bobMoved, LIVE);
  await expect(barNamed(a, "New item")).toBeVisible();

  await expectNoCspViolations(a);
  await expectNoCspViolations(b);
  await a.context().close();
  await b.context().close();
});

test("keyboard shortcuts: delete, duplicate, zoom and the help, never while typing; viewers get zoom only", async ({ browser }) => {
  const { alice, board } = await workshop(browser, "Shortcut board");
  const a = alice.page;
  await addNamedItem(a, "Signage");
  const bar = barNamed(a, "Signage");

  // Typing in a field: digits and Backspace are text, not zoom or delete.
  const title = a.getByLabel("Title", { exact: true });
  await title.click();
  await title.press("End");
  await a.keyboard.type("1");
  await a.keyboard.press("Backspace");
  await expect(a.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "false");
  await expect(bar).toBeVisible();
  await title.press("Escape");

  // Zoom keys.
  await bar.click();
  await a.keyboard.press("1");
  await expect(a.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true");
  await a.keyboard.press("3");
  await expect(a.getByRole("radio", { name: "Quarters" })).toHaveAttribute("aria-checked", "true");
  await a.keyboard.press("+");
  await expect(a.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true");

  // Ctrl+D duplicates the selected item and selects the copy; Delete removes the copy.
  await bar.click();
  await a.keyboard.press("Control+d");
  const copy = barNamed(a, "Signage (copy)");
  await expect(copy).toBeVisible();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue("Signage (copy)");
  // Delete acts on the bar that has focus (Tab to it), even with another item selected.
  await bar.click();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue("Signage");
  await copy.focus();
  await a.keyboard.press("Delete");
  await expect(copy).toHaveCount(0);
  await expect(bar).toBeVisible();
  await expect(a.getByLabel("Title", { exact: true })).toHaveValue("Signage");
  await expect(a.getByRole("status").filter({ hasText: "Deleted “Signage (copy)”" })).toBeVisible();
  await a.keyboard.press("Control+z");
  await expect(copy).toBeVisible();

  // "?" opens the help, which lists the shortcuts.
  await a.keyboard.press("?");
  const help = a.getByTestId("shortcuts-help");
  await expect(help.getByRole("heading", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(help.getByText("Duplicate the selected item")).toBeVisible();
  await shot(a, "editing-shortcuts-help");
  await a.keyboard.press("Escape");
  await expect(help.getByRole("heading")).toHaveCount(0);

  // A viewer: zoom works, Delete and undo do nothing, no undo buttons.
  const viewer = await newPerson(browser, "Vera");
  await addMember(a.context().request, board.id, viewer.account.email, "viewer");
  const v = viewer.page;
  await openBoard(v, `/boards/${board.id}`);
  await expect(v.getByRole("button", { name: "Undo", exact: true })).toHaveCount(0);
  await barNamed(v, "Signage").click();
  await v.keyboard.press("Delete");
  await v.keyboard.press("Control+d");
  await v.keyboard.press("2");
  await expect(v.getByRole("radio", { name: "Months" })).toHaveAttribute("aria-checked", "true");
  await v.keyboard.press("1");
  await expect(v.getByRole("radio", { name: "Weeks" })).toHaveAttribute("aria-checked", "true");
  await expect(barNamed(v, "Signage")).toBeVisible();
  await expect(v.getByTestId("item-bar")).toHaveCount(2);
  await v.keyboard.press("?");
  await expect(v.getByTestId("shortcuts-help").getByText("Delete the selected item")).toHaveCount(0);
  await expect(v.getByTestId("shortcuts-help").getByText("Zoom to weeks, months, quarters")).toBeVisible();

  await expectNoCspViolations(a);
  await a.context().close();
  await v.context().close();
});

test("an edit made offline is kept across a reload and reaches the colleague on reconnect", async ({ browser }) => {
  test.setTimeout(90_000);
  const { alice, bob } = await workshop(browser, "Offline board");
  const a = alice.page;
  const b = bob.page;
  await addNamedItem(a, "Venue booking");
  await expect(barNamed(b, "Venue booking")).toBeVisible(LIVE);
  const banner = a.getByTestId("sync-banner");
  await expect(banner).toHaveCount(0);

  // Her browser keeps the board's page too (the service worker), so it opens without a network.
  const pageKept = () => a.evaluate(async () => (await caches.open("waymark-offline-pages-v1")).match(location.pathname).then(Boolean));
  await expect.poll(pageKept).toBe(true);

  // Alice's laptop loses the network: the banner says so and the socket is closed.
  await a.context().setOffline(true);
  await expect(banner).toHaveAttribute("data-state", "offline");
  await expect(a.getByTestId("connection-status")).toHaveAttribute("data-status", "disconnected");
  const moved = await nudge(a, "Venue booking");
  await addNamedItem(a, "Printed flyers");
  // A move, a new item and its name: three changes wait on this device.
  await expect(banner).toContainText("3 changes will be sent when you reconnect");
  await shot(a, "editing-offline");
  await b.waitForTimeout(500);
  await expect(barNamed(b, "Printed flyers")).toHaveCount(0);

  // From now on the sync server is out of reach for Alice's pages (set before they load: a
  // route only applies to pages opened after it), whatever the network says.
  let serverReachable = false;
  await a.context().routeWebSocket(/\/sync\//, (ws) => (serverReachable ? ws.connectToServer() : ws.close({ code: 1001, reason: "unreachable" })));

  // A reload with no network at all: the page and the board, edits included, come from this device.
  await a.reload();
  await expect(barNamed(a, "Printed flyers")).toBeVisible();
  await expect(barNamed(a, "Venue booking")).toHaveAttribute("data-start", moved);
  await expect(banner).toHaveAttribute("data-state", "offline");
  await expect(banner).toContainText("3 changes will be sent when you reconnect");

  // The network is back but the server is not: reconnecting, the changes still waiting; and so
  // after another reload.
  await a.context().setOffline(false);
  await expect(banner).toHaveAttribute("data-state", "reconnecting");
  await expect(banner).toContainText("3 changes waiting to be sent");
  await a.reload();
  await expect(barNamed(a, "Printed flyers")).toBeVisible();
  await expect(banner).toHaveAttribute("data-state", "reconnecting");
  await expect(banner).toContainText("3 changes waiting to be sent");
  await shot(a, "editing-reconnecting");
  await expect(barNamed(b, "Printed flyers")).toHaveCount(0);

  // The server is back: everything merges, the banner says "synced", Bob sees it all.
  serverReachable = true;
  // (The client retries with a growing, jittered delay: up to 15 s after a long outage.)
  await expect(banner).toHaveAttribute("data-state", "synced", { timeout: 20_000 });
  await shot(a, "editing-synced");
  await expect(barNamed(b, "Printed flyers")).toBeVisible(LIVE);
  await expect(barNamed(b, "Venue booking")).toHaveAttribute("data-start", moved);
  await expect(banner).toHaveCount(0, { timeout: 6_000 });

  await expectNoCspViolations(a);
  await a.context().close();
  await b.context().close();
});

test("edits made offline by someone who lost the right to edit are never shown as saved", async ({ browser }) => {
  const { alice, bob, board, path } = await workshop(browser, "Downgrade board");
  const a = alice.page;
  const b = bob.page;
  await addNamedItem(a, "Budget");
  const start = (await barNamed(b, "Budget").getAttribute("data-start"))!;

  // Bob works offline, then closes the tab; meanwhile Alice makes him a viewer.
  await b.context().setOffline(true);
  await expect(b.getByTestId("sync-banner")).toHaveAttribute("data-state", "offline");
  await nudge(b, "Budget");
  await addNamedItem(b, "Bob's offline idea");
  await b.close();
  const downgrade = await a.context().request.patch(`/api/boards/${board.id}/members/${bob.id}`, { data: { role: "viewer" } });
  expect(downgrade.status()).toBe(204);

  // Back online, he opens the board: the server's board, and word that his edits were not saved.
  await b.context().setOffline(false);
  const again = await b.context().newPage();
  await openBoard(again, path);
  await expect(again.getByTestId("sync-banner")).toHaveAttribute("data-state", "refused");
  await expect(again.getByTestId("sync-banner")).toContainText("3 changes made on this device were not saved");
  await expect(barNamed(again, "Bob's offline idea")).toHaveCount(0);
  await expect(barNamed(again, "Budget")).toHaveAttribute("data-start", start);
  await shot(again, "editing-refused");
  await expect(barNamed(a, "Bob's offline idea")).toHaveCount(0);
  // Nor is the page kept for opening offline any more.
  await expect.poll(() => again.evaluate(async () => (await caches.open("waymark-offline-pages-v1")).match(location.pathname).then(Boolean))).toBe(false);

  // A reload still shows only what the server has: the copy with his edits is gone.
  await again.reload();
  await expect(again.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(barNamed(again, "Budget")).toHaveAttribute("data-start", start);
  await expect(barNamed(again, "Bob's offline idea")).toHaveCount(0);
  await expect(again.getByTestId("sync-banner")).toHaveCount(0);

  await a.context().close();
  await again.context().close();
});

test("a downgrade while offline: on reconnect the server refuses the edits and the page says so", async ({ browser }) => {
  const { alice, bob, board } = await workshop(browser, "Refused board");
  const a = alice.page;
  const b = bob.page;
  await addNamedItem(a, "Roll-out plan");
  await expect(barNamed(b, "Roll-out plan")).toBeVisible(LIVE);
  await b.context().setOffline(true);
  await expect(b.getByTestId("sync-banner")).toHaveAttribute("data-state", "offline");
  await nudge(b, "Roll-out plan");
  const downgrade = await a.context().request.patch(`/api/boards/${board.id}/members/${bob.id}`, { data: { role: "commenter" } });
  expect(downgrade.status()).toBe(204);
  await b.context().setOffline(false);
  await expect(b.getByTestId("sync-banner")).toHaveAttribute("data-state", "refused");
  await expect(b.getByTestId("sync-banner")).toContainText("1 change made on this device was not saved");
  await expect(b.getByTestId("read-only-badge")).toBeVisible();
  const start = (await barNamed(a, "Roll-out plan").getAttribute("data-start"))!;
  await b.reload();
  await expect(b.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(barNamed(b, "Roll-out plan")).toHaveAttribute("data-start", start);
  await a.context().close();
  await b.context().close();
});

test("two people write one item's description together and see each other's caret", async ({ browser }) => {
  const { alice, bob, board } = await workshop(browser, "Description board");
  const a = alice.page;
  const b = bob.page;
  await addNamedItem(a, "Launch event");
  await barNamed(b, "Launch event").click();

  const aliceText = a.getByTestId("item-description");
  const bobText = b.getByTestId("item-description");
  await aliceText.click();
  await a.keyboard.type("Book the venue by March.");
  await expect(bobText).toContainText("Book the venue by March.", LIVE);
  // Alice's caret, with her name, in Bob's copy of the text.
  await expect(bobText.locator(".collaboration-carets__label")).toHaveText(alice.account.name, LIVE);

  await bobText.click();
  await b.keyboard.press("Control+End");
  await b.keyboard.type(" Ops confirmed.");
  await expect(aliceText).toContainText("Book the venue by March. Ops confirmed.", LIVE);
  await expect(aliceText.locator(".collaboration-carets__label")).toHaveText(bob.account.name, LIVE);
  await shot(a, "editing-description");

  // Undo while typing undoes Alice's own text only; Bob's sentence stays.
  await aliceText.click();
  await a.keyboard.press("Control+z");
  await expect(aliceText).not.toContainText("Book the venue", LIVE);
  await expect(aliceText).toContainText("Ops confirmed.");
  await expect(bobText).not.toContainText("Book the venue", LIVE);
  // The board's history was not touched by the typing: the item is still there.
  await expect(barNamed(a, "Launch event")).toBeVisible();

  // A viewer sees the text, live, and cannot change it.
  const viewer = await newPerson(browser, "Vera");
  await addMember(a.context().request, board.id, viewer.account.email, "viewer");
  const v = viewer.page;
  await openBoard(v, `/boards/${board.id}`);
  await barNamed(v, "Launch event").click();
  const viewerText = v.getByTestId("item-description");
  await expect(viewerText).toContainText("Ops confirmed.");
  await expect(viewerText).toHaveAttribute("contenteditable", "false");
  await bobText.click();
  await b.keyboard.press("Control+End");
  await b.keyboard.type(" Catering next.");
  await expect(viewerText).toContainText("Catering next.", LIVE);

  await expectNoCspViolations(a);
  await expectNoCspViolations(b);
  await a.context().close();
  await b.context().close();
  await v.context().close();
});

test("an item another client wrote without a description gets one when someone starts writing", async ({ browser, baseURL }) => {
  const { alice, bob, board } = await workshop(browser, "Foreign item board");
  const a = alice.page;
  const b = bob.page;

  // A script (another client) adds an item with fields only, no description fragment.
  const minted = await a.context().request.post(`/api/boards/${board.id}/sync-token`);
  expect(minted.status()).toBe(200);
  const { token } = (await minted.json()) as { token: string };
  const script = connectClient(`${baseURL!.replace(/^http/, "ws")}/sync`, board.id, { token });
  await script.synced;
  const laneId = [...script.doc.getMap<Y.Map<unknown>>("lanes").keys()][0]!;
  script.doc.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ title: "Imported task", laneId, start: "2027-01-11", duration: 3, effort: 0, owners: [], status: "planned", priority: "should", tags: [], links: [], phaseId: null, deadlineMilestoneId: null })) {
      item.set(key, value);
    }
    script.doc.getMap("items").set("iImported01", item);
  });

  // Opening it writes nothing; starting to write gives it a description, which Bob then sees.
  await barNamed(a, "Imported task").click();
  await barNamed(b, "Imported task").click();
  await expect(b.getByTestId("item-description-start")).toBeVisible();
  await a.getByTestId("item-description-start").click();
  await expect(a.getByTestId("item-description")).toBeFocused();
  await a.keyboard.type("Imported from the old tracker.");
  await expect(b.getByTestId("item-description")).toContainText("Imported from the old tracker.", LIVE);
  // Not undoable as a board step: Alice has nothing of her own to undo on the board.
  await expect(a.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
  script.destroy();
  await a.context().close();
  await b.context().close();
});

test("signing out deletes the boards (documents and pages) this browser kept for offline work", async ({ browser }) => {
  const { alice, bob } = await workshop(browser, "Sign-out board");
  const a = alice.page;
  const cached = () => a.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("waymark:board:")));
  // Kept board pages (the static files the worker keeps are the app's, nobody's data).
  const pages = () => a.evaluate(async () => ((await caches.has("waymark-offline-pages-v1")) ? (await (await caches.open("waymark-offline-pages-v1")).keys()).map((r) => new URL(r.url).pathname) : []));
  await expect.poll(cached).toHaveLength(1);
  await expect.poll(pages).toEqual([new URL(a.url()).pathname]);
  await a.getByTestId("user-menu").click();
  await a.getByRole("menuitem", { name: "Sign out" }).click();
  await a.waitForURL(/\/signin/);
  expect(await cached()).toEqual([]);
  expect(await pages()).toEqual([]);
  await a.context().close();
  await bob.page.context().close();
});
