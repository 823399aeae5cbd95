import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { createBoard, DEMO, invitationLinkFor, laptop, personAt } from "./people";
import { seedItems } from "./seedBoard";

/**
 * An automated accessibility audit (axe-core) of every page and view a person meets: signed
 * out, signed in, on a board in each view with each panel open, and as a guest. Serious and
 * critical findings fail the test, each listed with the rule, what it means and where; minor
 * and moderate ones are left to people (axe reports some that depend on taste, e.g. region
 * landmarks around a drawing surface).
 *
 * Runs on the seeded demo board, opened by its owner: it has every kind of thing a board
 * draws (lanes, phases, milestones, dependencies, conflicts, comments).
 */

test.describe.configure({ timeout: 120_000 });

type Impact = "minor" | "moderate" | "serious" | "critical";
const FAILING: readonly Impact[] = ["serious", "critical"];

/** Runs axe on the page as it is now; fails with a readable list of serious and critical findings. */
async function audit(page: Page, what: string): Promise<void> {
  // Animations settled (a panel sliding in is measured where it ends).
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const findings = results.violations
    .filter((v) => FAILING.includes(v.impact as Impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 6)
      .map((n) => `    at ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1, 3).join(" ").trim()}`)
      .join("\n")}${v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ""}`);
  expect.soft(findings, `axe findings on ${what}`).toEqual([]);
}

let owner: BrowserContext;
let page: Page;
let boardPath: string;

async function demoBoardPath(context: BrowserContext): Promise<string> {
  const { boards } = (await (await context.request.get("/api/boards")).json()) as { boards: { id: string; title: string }[] };
  const demo = boards.find((b) => /demo|roadmap/i.test(b.title)) ?? boards[0];
  expect(demo, "the demo board").toBeTruthy();
  return `/boards/${demo!.id}`;
}

async function openBoardView(path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  page = await personAt(browser, DEMO.owner);
  owner = page.context();
  boardPath = await demoBoardPath(owner);
});

test.afterAll(async () => {
  await owner?.close();
});

test("signed out: sign-in and sign-up", async ({ browser }) => {
  const visitor = await (await laptop(browser)).newPage();
  await visitor.goto("/signin");
  await expect(visitor.getByRole("button", { name: /sign in/i }).first()).toBeVisible();
  await audit(visitor, "the sign-in page");
  await visitor.goto("/signup");
  await expect(visitor.getByRole("button", { name: /create|sign up/i }).first()).toBeVisible();
  await audit(visitor, "the sign-up page");
  await visitor.context().close();
});

test("signed in: the board list, settings and the inbox", async () => {
  await page.goto("/");
  await expect(page.getByTestId("board-link").first()).toBeVisible();
  await audit(page, "the board list");
  await page.goto("/settings");
  await expect(page.getByRole("heading").first()).toBeVisible();
  await audit(page, "settings");
  await page.goto("/inbox");
  await expect(page.getByRole("heading").first()).toBeVisible();
  await audit(page, "the inbox");
});

test("a board: timeline, phases and table views", async () => {
  await openBoardView(boardPath);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await expect(page.getByTestId("item-bar").first()).toBeVisible();
  await audit(page, "the timeline");
  await openBoardView(`${boardPath}?view=phases`);
  await expect(page.getByTestId("timeline")).toHaveCount(0);
  await audit(page, "the phase board");
  await openBoardView(`${boardPath}?view=table`);
  await expect(page.getByRole("table").or(page.getByRole("grid")).first()).toBeVisible();
  await audit(page, "the table");
});

test("a board's panels: an item, its comments, the board's comments, conflicts, setup, members and share", async () => {
  await openBoardView(boardPath);
  await page.getByTestId("item-bar").first().click();
  await expect(page.getByTestId("item-panel")).toBeVisible();
  await audit(page, "the item panel");
  await page.getByTestId("item-tab-comments").click();
  await expect(page.getByTestId("item-comments")).toBeVisible();
  await audit(page, "the item's comments");
  await page.keyboard.press("Escape");

  await page.getByTestId("comments-toggle").click();
  await expect(page.getByTestId("threads-panel")).toBeVisible();
  await audit(page, "the board's comments panel");
  await page.getByTestId("comments-toggle").click();

  await page.getByTestId("conflict-summary").click();
  // The demo board plans without conflicts since its items follow their dependencies
  // (docs/scheduling.md): the panel says so; the next test audits listed conflicts.
  await expect(page.getByTestId("conflicts-panel")).toBeVisible();
  await audit(page, "the conflicts panel");
  await page.getByTestId("conflict-summary").click();

  await page.getByRole("button", { name: "Board setup" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await audit(page, "board setup");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Members" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await audit(page, "the members dialog");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByTestId("share-dialog")).toBeVisible();
  await audit(page, "the share dialog");
  await page.keyboard.press("Escape");
});

test("the conflicts panel listing a conflict", async ({ baseURL }) => {
  const board = await createBoard(page.request, "Axe conflicts");
  await seedItems(page.request, baseURL!, board.id, [{ title: "Before the horizon", lane: "Development", startOffset: -40, duration: 3 }]);
  await openBoardView(`/boards/${board.id}`);
  await page.getByTestId("conflict-summary").click();
  await expect(page.getByTestId("conflict").first()).toBeVisible();
  await audit(page, "the conflicts panel with a conflict");
});

test("an invitation and a guest's share link", async ({ browser }) => {
  const boardId = boardPath.split("/").pop()!;
  const email = `axe-${Date.now().toString(36)}@e2e.waymark.dev`;
  const since = new Date().toISOString();
  expect((await owner.request.post(`/api/boards/${boardId}/members`, { data: { email, role: "viewer" } })).status()).toBe(201);
  const invitation = new URL(await invitationLinkFor(email, since)).pathname;
  const link = (await (await owner.request.post(`/api/boards/${boardId}/share-links`)).json()) as { path: string };

  const visitor = await (await laptop(browser)).newPage();
  await visitor.goto(invitation);
  await expect(visitor.getByRole("heading").first()).toBeVisible();
  await audit(visitor, "the invitation page");
  await visitor.goto(link.path);
  await expect(visitor.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(visitor.getByTestId("timeline")).toBeVisible();
  await audit(visitor, "a guest's board");
  await visitor.goto("/share/not-a-real-link-secret-000000000");
  await audit(visitor, "a share link that does not work");
  await visitor.context().close();
});
