import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { addMember, createBoard, newPerson } from "./people";
import { seedItems, type SeedItem } from "./seedBoard";

/* What the views specs share: a small workshop board, and how a person reads and moves its cards and rows. */

/** What "live" means to people in a workshop: another person's edit shows up within a second. */
export const LIVE = { timeout: 1_000 };

/** A small service roadmap: cards in three phases and one without, unplaced (sorted by title). */
export const WORKSHOP: SeedItem[] = [
  { title: "Booking flow", lane: "Development", phase: "MVP", startOffset: 7, duration: 10, owners: ["Chen"], priority: "must" },
  { title: "Payments", lane: "Development", phase: "MVP", startOffset: 21, duration: 8, owners: ["Dev"], priority: "must" },
  { title: "Service blueprint", lane: "Service design", phase: "MVP", startOffset: 0, duration: 5, owners: ["Ana", "Ben"], priority: "should", status: "in_progress" },
  { title: "Pilot invitations", lane: "Communication", phase: "Pilot", startOffset: 35, duration: 5, owners: ["Fay"] },
  { title: "Pilot run", lane: "Operations", phase: "Pilot", startOffset: 42, duration: 10, owners: ["Gus"], status: "at_risk" },
  { title: "Reminders", lane: "Development", phase: "Beta", startOffset: 60, duration: 10, owners: ["Chen", "Dev"], priority: "could" },
  { title: "Self-service analytics", lane: "Development", duration: 15, owners: ["Dev"], priority: "wont" },
];

/** Opens a board in a view and waits until it is synced and drawn. */
export async function openView(page: Page, boardId: string, view: "phases" | "table"): Promise<void> {
  await page.goto(`/boards/${boardId}?view=${view}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId(view === "phases" ? "phase-board" : "item-table")).toBeVisible();
}

export const column = (page: Page, phase: string) =>
  page.getByTestId("phase-column").filter({ has: page.getByRole("heading", { name: phase, exact: true }) });
export const card = (page: Page, title: string) => page.getByTestId("phase-card").and(page.getByRole("button", { name: title, exact: true }));
/** The titles of a column's cards, top to bottom. */
export const titles = (page: Page, phase: string) => column(page, phase).getByTestId("phase-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")));

/** Drags a card with the mouse, in small steps as a hand does, and drops it at `to`; checks the drop line on the way. */
export async function dragCard(page: Page, from: Locator, to: { x: number; y: number }, expectIndicator = true): Promise<void> {
  const box = (await from.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  if (expectIndicator) {
    await expect(page.getByTestId("drop-indicator")).toBeVisible();
    await expect(page.getByTestId("card-ghost")).toBeVisible();
  }
  await page.mouse.up();
}

/** A point in the upper half of a card: dropping there lands above it. */
export async function above(target: Locator): Promise<{ x: number; y: number }> {
  const box = (await target.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.25 };
}

export async function workshopBoard(browser: Browser, baseURL: string, others: { name: string; role: string }[]) {
  const alice = await newPerson(browser, "Alice");
  const board = await createBoard(alice.page.context().request, "MVP cut workshop");
  await seedItems(alice.page.context().request, baseURL, board.id, WORKSHOP);
  const people: Page[] = [];
  for (const other of others) {
    const person = await newPerson(browser, other.name);
    await addMember(alice.page.context().request, board.id, person.account.email, other.role);
    people.push(person.page);
  }
  return { alice: alice.page, board, people };
}

/** The titles of the table's rows, top to bottom (the rows drawn). */
export const tableTitles = (page: Page) =>
  page.getByTestId("table-row").getByTestId("open-item").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")!.replace(/^Open /, "")));
export const row = (page: Page, title: string) => page.getByTestId("table-row").filter({ has: page.getByRole("button", { name: `Open ${title}`, exact: true }) });
