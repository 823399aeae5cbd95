import { expect, test } from "@playwright/test";
import { createBoard, expectNoCspViolations, laptop, newPerson } from "./people";

// The machine these run on is shared; a slow page load is not what is under test.
test.describe.configure({ timeout: 120_000 });

/**
 * Issue 18's templates and copies, presenting and the calendar feed, as people use them: the
 * gallery on the home page, the board header's copy menu, the Present button (a guest too) and
 * a calendar app's GET of the subscribe URL.
 */

test("create from a template, duplicate it, save it as a template and create from that", async ({ browser }) => {
  const { page } = await newPerson(browser, "Tess Templates");
  await page.goto("/");
  const saas = page.locator('[data-testid="template-card"][data-template-id="saas-product-launch"]');
  await expect(page.getByTestId("template-card")).toHaveCount(6);
  await saas.click();
  await page.getByLabel("Roadmap title").fill("Launch of Pebble");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await page.waitForURL(/\/boards\//);
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toBeVisible();
  await expect(page.getByText("Launch campaign: blog, email, PR, webinar").first()).toBeVisible();
  const sourceUrl = page.url();

  // Duplicate: a copy that is ours, with the same items.
  await page.getByTestId("board-menu").click();
  await page.getByRole("menuitem", { name: "Duplicate board" }).click();
  await page.waitForURL((url) => url.href !== sourceUrl && /\/boards\//.test(url.pathname));
  await expect(page.getByRole("heading", { name: "Copy of Launch of Pebble" }).or(page.getByText("Copy of Launch of Pebble").first())).toBeVisible();
  await expect(page.getByText("Launch campaign: blog, email, PR, webinar").first()).toBeVisible();

  // Save as template, then it is in the gallery under "Your templates".
  await page.getByTestId("board-menu").click();
  await page.getByRole("menuitem", { name: "Save as template" }).click();
  const dialog = page.getByTestId("save-template-dialog");
  await dialog.getByLabel("Template name").fill("Pebble launch plan");
  await dialog.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByTestId("copy-notice")).toContainText("Pebble launch plan");

  await page.goto("/");
  const own = page.getByRole("list", { name: "Your templates" });
  await expect(own.getByText("Pebble launch plan")).toBeVisible();
  await own.getByText("Pebble launch plan").click();
  await page.getByLabel("Roadmap title").fill("Pebble 2");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await page.waitForURL(/\/boards\//);
  await expect(page.getByText("Launch campaign: blog, email, PR, webinar").first()).toBeVisible();
  await page.screenshot({ path: "test-results/templates-created-from-own.png" });

  // And it can be deleted from the gallery.
  await page.goto("/");
  await page.getByRole("button", { name: "Delete template Pebble launch plan" }).click();
  await expect(page.getByRole("list", { name: "Your templates" })).toHaveCount(0);
  await expectNoCspViolations(page);
  await page.context().close();
});

test("a share-link guest presents the timeline and steps through the phases", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Pia Presenter");
  const created = await owner.context().request.post("/api/boards", { data: { title: "Clinic pilot", template: "healthcare-pilot" } });
  expect(created.status()).toBe(201);
  const board = ((await created.json()) as { board: { id: string } }).board;
  const link = (await (await owner.context().request.post(`/api/boards/${board.id}/share-links`)).json()) as { path: string };

  const guest = await (await laptop(browser)).newPage();
  await guest.goto(link.path);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await guest.getByTestId("present").click();
  const show = guest.getByTestId("presentation");
  await expect(show).toBeVisible();
  await expect(guest.getByTestId("presentation-step")).toHaveText("Overview");
  const overviewBars = await guest.getByTestId("presentation-bar").count();
  expect(overviewBars).toBe(12);
  // No editing chrome: the toolbar's Add item is not in the presentation.
  await expect(show.getByRole("button", { name: "Add item" })).toHaveCount(0);

  await guest.keyboard.press("ArrowRight");
  await expect(guest.getByTestId("presentation-step")).toHaveText("Governance");
  const governanceBars = await guest.getByTestId("presentation-bar").count();
  expect(governanceBars).toBeGreaterThan(0);
  expect(governanceBars).toBeLessThan(overviewBars);
  // Zoomed to the phase: its bars fill most of the window.
  const widths = await guest.getByTestId("presentation-bar").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(Math.max(...widths)).toBeGreaterThan(200);
  await show.getByRole("button", { name: "Next phase" }).click();
  await expect(guest.getByTestId("presentation-step")).toHaveText("Build");
  await guest.keyboard.press("ArrowLeft");
  await expect(guest.getByTestId("presentation-step")).toHaveText("Governance");
  await guest.screenshot({ path: "test-results/presentation-phase.png" });
  await guest.keyboard.press("Escape");
  await expect(show).toHaveCount(0);
  await expect(guest.getByTestId("timeline")).toBeVisible();
  await owner.context().close();
  await guest.context().close();
});

test("the subscribe URL returns the milestones as iCalendar and stops after it is revoked", async ({ browser }) => {
  const { page } = await newPerson(browser, "Cal Feeds");
  const created = await page.context().request.post("/api/boards", { data: { title: "Citizen portal", template: "public-digital-service" } });
  const board = ((await created.json()) as { board: { id: string } }).board;
  await page.goto(`/boards/${board.id}`);
  await expect(page.getByTestId("timeline")).toBeVisible();
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.getByRole("button", { name: "Create calendar feed" }).click();
  const url = await dialog.getByTestId("calendar-url").inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);

  // A calendar app has no session: a fresh request context.
  const calendar = await (await laptop(browser)).request;
  const feed = await calendar.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const text = await feed.text();
  expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  expect(text).toContain("SUMMARY:Public beta release");
  expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);

  await dialog.getByTestId("calendar-feed").getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByTestId("calendar-feed")).toHaveCount(0);
  expect((await calendar.get(url)).status()).toBe(404);
  // A board that does not exist reads the same as a revoked feed.
  expect((await calendar.get(url.replace(/[A-Za-z0-9_-]{32}\.ics$/, `${"x".repeat(32)}.ics`))).status()).toBe(404);
  await page.context().close();
});

test("POST /api/boards refuses an unknown template with 422", async ({ browser }) => {
  const { page } = await newPerson(browser, "Una Known");
  const response = await page.context().request.post("/api/boards", { data: { title: "X", template: "no-such-template" } });
  expect(response.status()).toBe(422);
  expect(((await response.json()) as { error: string }).error).toContain("no-such-template");
  expect((await createBoard(page.context().request, "Plain")).title).toBe("Plain");
  await page.context().close();
});
