import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addMember, createBoard, expectNoCspViolations, laptop, newPerson, openBoard } from "./people";
import { seedItems } from "./seedBoard";

/**
 * A planning workshop with three people at three laptops (issue 17): Ana owns the board and
 * facilitates, Ben edits, Chen comments. Start, time a step, draft privately (the others do not
 * see it), reveal the drafts, dot-vote, reveal the vote, move the top 3 into the MVP (one change
 * Ana's undo takes back), end, and read the record.
 *
 * WAYMARK_README_IMAGES=docs/images writes the README's pictures of the session bar and of a
 * revealed vote.
 */

const LIVE = { timeout: 3_000 };
const images = process.env.WAYMARK_README_IMAGES;

const ITEMS = ["Online booking", "Reminder texts", "Staff rota", "Payments", "Accessibility audit", "Feedback form"] as const;

/** The countdown as seconds, from "m:ss". */
async function secondsLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId("workshop-countdown").textContent()) ?? "";
  const [m, s] = text.trim().split(":").map(Number);
  return m! * 60 + s!;
}

/** axe-core on the page as it is: no serious or critical finding (the rule of accessibility.spec.ts). */
async function audit(page: Page, what: string): Promise<void> {
  await page.waitForTimeout(300);
  // The header's avatars of the people present are left out: their overlapping "Follow" buttons are
  // below axe's 24 px target size once two others are on the board (the presence bar's, not the workshop's).
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).exclude('[data-testid="presence"]').analyze();
  const findings = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(findings, `axe findings on ${what}`).toEqual([]);
}

const column = (page: Page, name: string): Locator => page.getByTestId("phase-column").filter({ has: page.getByRole("heading", { name, exact: true }) });

test("a workshop: agenda and timer, private drafts, a dot vote moved into the MVP, and its record", async ({ browser, baseURL }) => {
  // Four browsers and a server on a shared machine: minutes, not seconds, when it is busy.
  test.setTimeout(360_000);
  const ana = await newPerson(browser, "Ana");
  const ben = await newPerson(browser, "Ben");
  const chen = await newPerson(browser, "Chen");
  const request = ana.page.context().request;
  const board = await createBoard(request, "Clinic booking");
  await addMember(request, board.id, ben.account.email, "editor");
  await addMember(request, board.id, chen.account.email, "commenter");
  await seedItems(
    request,
    baseURL!,
    board.id,
    ITEMS.map((title, i) => ({ title, lane: i % 2 ? "Development" : "Service design", phase: "Pilot", startOffset: 5 + i * 7, duration: 5 })),
  );
  const path = `/boards/${board.id}`;
  const people = [ana.page, ben.page, chen.page];
  await Promise.all(people.map((page) => openBoard(page, path)));

  // Ana starts a workshop with the MVP-cut agenda; everyone sees the session bar, only she the controls.
  await ana.page.getByTestId("workshop-menu").click();
  await ana.page.getByRole("menuitem", { name: "Start a workshop…" }).click();
  const start = ana.page.getByTestId("start-workshop");
  await expect(start.getByTestId("agenda-step")).toHaveCount(6);
  await start.getByLabel("Title", { exact: true }).fill("MVP cut for clinic booking");
  await audit(ana.page, "the start-a-workshop dialog");
  await start.getByRole("button", { name: "Start workshop" }).click();
  await expect(start).toBeHidden();
  for (const page of people) {
    await expect(page.getByTestId("session-bar")).toBeVisible(LIVE);
    await expect(page.getByTestId("workshop-step")).toContainText("Step 1 of 6: Goal and ground rules");
    await expect(page.getByTestId("workshop-countdown")).toHaveText("5:00");
  }
  await expect(ana.page.getByTestId("facilitator-controls")).toBeVisible();
  await expect(ben.page.getByTestId("facilitator-controls")).toHaveCount(0);
  await expect(chen.page.getByTestId("facilitator-controls")).toHaveCount(0);
  await expect(ben.page.getByTestId("session-bar")).toContainText("Facilitated by Ana");
  const wid = ((await (await request.get(`/api/boards/${board.id}/workshop`)).json()) as { workshop: { id: string } }).workshop.id;
  // Someone who tries to start a second one is refused: one workshop per board.
  await ben.page.getByTestId("workshop-menu").click();
  await expect(ben.page.getByRole("menuitem", { name: "A workshop is running" })).toBeDisabled();
  await ben.page.keyboard.press("Escape");

  // Time the step: every screen counts down the same second, from the server's clock.
  await ana.page.getByRole("button", { name: "Start timer" }).click();
  for (const page of people) await expect(page.getByTestId("session-bar")).toHaveAttribute("data-timer", "running", LIVE);
  await expect.poll(() => secondsLeft(ben.page)).toBeLessThan(300);
  const [a, b, c] = await Promise.all(people.map(secondsLeft));
  expect(Math.max(a!, b!, c!) - Math.min(a!, b!, c!)).toBeLessThanOrEqual(1);
  await ana.page.getByRole("button", { name: "Add 1 minute" }).click();
  await expect.poll(() => secondsLeft(chen.page), LIVE).toBeGreaterThan(300);
  await ana.page.getByRole("button", { name: "Pause" }).click();
  for (const page of people) await expect(page.getByTestId("session-bar")).toHaveAttribute("data-timer", "paused", LIVE);
  const paused = await secondsLeft(ana.page);
  await ben.page.waitForTimeout(1_200);
  expect(await secondsLeft(ben.page)).toBe(paused);
  // At zero every screen says so (and pulses; a tone plays where the browser allows sound).
  await ana.page.getByRole("button", { name: "Resume" }).click();
  for (const page of people) await expect(page.getByTestId("session-bar")).toHaveAttribute("data-timer", "running", LIVE);
  const cut = await request.post(`/api/boards/${board.id}/workshop/${wid}/actions`, { data: { action: "add-minutes", minutes: -10 } });
  expect(cut.status(), await cut.text()).toBe(200);
  for (const page of people) {
    await expect(page.getByTestId("workshop-countdown")).toHaveAttribute("data-ended", "true", LIVE);
    await expect(page.getByTestId("workshop-countdown")).toHaveText("0:00");
    await expect(page.getByText("Time is up")).toBeVisible();
  }
  await ana.page.getByRole("button", { name: "Add 5 minutes" }).click();
  await expect(chen.page.getByTestId("workshop-countdown")).not.toHaveAttribute("data-ended", "true", LIVE);
  await expect.poll(() => secondsLeft(chen.page)).toBeGreaterThan(290);
  if (images) {
    mkdirSync(images, { recursive: true });
    await ana.page.getByTestId("session-bar").screenshot({ path: `${images}/workshop-session-bar.png` });
  }

  // Step 2 drafts privately: Ben's and Chen's drafts are theirs alone until Ana reveals them.
  await ana.page.getByRole("button", { name: "Next step" }).click();
  for (const page of [ben.page, chen.page]) await expect(page.getByTestId("drafts-panel")).toBeVisible(LIVE);
  await ben.page.getByTestId("drafts-panel").getByRole("textbox", { name: "New draft" }).fill("Waiting list");
  await ben.page.getByTestId("drafts-panel").getByRole("button", { name: "Add draft" }).click();
  await chen.page.getByTestId("drafts-panel").getByRole("textbox", { name: "New draft" }).fill("Cancel by text");
  await chen.page.getByTestId("drafts-panel").getByLabel("Lane of new draft").selectOption({ label: "Communication" });
  await chen.page.getByTestId("drafts-panel").getByRole("button", { name: "Add draft" }).click();
  await expect(ben.page.getByTestId("my-draft")).toHaveAttribute("data-title", "Waiting list");
  // Drafts are edited and deleted by their author while drafting is open.
  const benDrafts = ben.page.getByTestId("drafts-panel");
  await benDrafts.getByRole("textbox", { name: "New draft" }).fill("Scratch idea");
  await benDrafts.getByRole("button", { name: "Add draft" }).click();
  await expect(ben.page.getByTestId("my-draft")).toHaveCount(2);
  await benDrafts.getByRole("button", { name: "Delete draft Scratch idea" }).click();
  await expect(ben.page.getByTestId("my-draft")).toHaveCount(1);
  await benDrafts.getByLabel("Size of draft Waiting list").selectOption("L");
  await expect(benDrafts.getByLabel("Size of draft Waiting list")).toHaveValue("L");
  await expect(chen.page.getByTestId("my-draft")).toHaveAttribute("data-title", "Cancel by text");
  await expect(ana.page.getByTestId("drafts-toggle")).toContainText("2 in all", LIVE);
  await audit(chen.page, "the session bar and the drafts panel (commenter)");
  await expect(ben.page.getByTestId("drafts-panel")).toContainText("2 drafts written so far", LIVE);
  // Nobody else reads them: not in the other's panel, not on any board, not in the API's answer.
  await expect(ben.page.getByText("Cancel by text")).toHaveCount(0);
  await expect(chen.page.getByText("Waiting list")).toHaveCount(0);
  await expect(ana.page.getByText("Waiting list")).toHaveCount(0);
  const anaDrafts = (await (await request.get(`/api/boards/${board.id}/workshop/${wid}/drafts`)).json()) as { drafts: unknown[] };
  expect(anaDrafts.drafts).toEqual([]);

  // Drafting opened Ana's drafts panel too (she may draft as well); she reveals from it.
  await expect(ana.page.getByTestId("drafts-panel")).toBeVisible();
  await ana.page.getByTestId("reveal-drafts").getByRole("button", { name: "Reveal drafts" }).click();
  for (const page of people) {
    await expect(page.getByTestId("unscheduled-tray")).toContainText("Waiting list", LIVE);
    await expect(page.getByTestId("unscheduled-tray")).toContainText("Cancel by text");
  }

  // A guest on a share link watches from the live events: the bar from the next change on, no controls, no menu.
  const link = (await (await request.post(`/api/boards/${board.id}/share-links`)).json()) as { path: string };
  const guest = await (await laptop(browser)).newPage();
  await guest.goto(link.path);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  // Steps 3 and 4: Ana opens a hidden dot vote over the whole board; three votes each.
  await ana.page.getByRole("button", { name: "Next step" }).click();
  await expect(guest.getByTestId("workshop-step")).toContainText("Step 3 of 6", LIVE);
  await expect(guest.getByTestId("workshop-menu")).toHaveCount(0);
  await expect(guest.getByTestId("facilitator-controls")).toHaveCount(0);
  await ana.page.getByRole("button", { name: "Next step" }).click();
  await expect(chen.page.getByTestId("workshop-step")).toContainText("Step 4 of 6", LIVE);
  await ana.page.getByRole("button", { name: "Open a vote" }).click();
  const dialog = ana.page.getByTestId("open-vote");
  await dialog.getByLabel("Question").fill("What goes into the MVP");
  await dialog.getByRole("button", { name: "Open the vote" }).click();
  for (const page of people) await expect(page.getByTestId("vote-status")).toContainText("3 of 3 votes left", LIVE);

  const vote = (page: Page, title: string) => page.getByRole("button", { name: `Vote for ${title}`, exact: true });
  // Ana: booking, texts, rota. Ben: booking, texts, payments. Chen: booking, then one vote changed, rota, audit.
  for (const title of ["Online booking", "Reminder texts", "Staff rota"]) await vote(ana.page, title).click();
  for (const title of ["Online booking", "Reminder texts", "Payments"]) await vote(ben.page, title).click();
  await expect(ben.page.getByTestId("vote-status")).toContainText("0 of 3 votes left");
  await audit(ben.page, "an open vote: chips on the bars and the vote panel");
  // Spent: no more votes, and one per item (no stacking).
  await expect(vote(ben.page, "Staff rota")).toBeDisabled();
  await vote(chen.page, "Online booking").click();
  await expect(vote(chen.page, "Online booking")).toBeDisabled();
  await vote(chen.page, "Feedback form").click();
  await chen.page.getByRole("button", { name: "Take back a vote from Feedback form" }).click();
  await expect(chen.page.getByTestId("vote-status")).toContainText("2 of 3 votes left");
  await vote(chen.page, "Staff rota").click();
  await vote(chen.page, "Accessibility audit").click();
  await expect(chen.page.getByTestId("vote-status")).toContainText("0 of 3 votes left");
  // A viewer who joins sees the session and the vote but has nothing to vote with.
  const dev = await newPerson(browser, "Dev");
  await addMember(request, board.id, dev.account.email, "viewer");
  await openBoard(dev.page, path);
  await expect(dev.page.getByTestId("session-bar")).toBeVisible();
  await expect(dev.page.getByTestId("vote-status")).toContainText("What goes into the MVP");
  await expect(dev.page.getByTestId("facilitator-controls")).toHaveCount(0);
  await expect(dev.page.getByRole("button", { name: /^Vote for / })).toHaveCount(0);
  await expect(dev.page.getByTestId("vote-chip")).toHaveCount(0);
  // Hidden: no counts anywhere until the reveal, only how many have voted.
  for (const page of people) {
    await expect(page.getByTestId("vote-status")).toContainText("3 voters", LIVE);
    await expect(page.getByTestId("vote-count")).toHaveCount(0);
  }

  await ana.page.getByTestId("vote-panel").getByRole("button", { name: "Reveal the result" }).click();
  for (const page of people) {
    const ranking = page.getByTestId("vote-ranking");
    await expect(ranking).toBeVisible(LIVE);
    await expect(ranking.getByRole("listitem").nth(0)).toContainText("Online booking");
    await expect(ranking.getByRole("listitem").nth(0)).toHaveAttribute("data-votes", "3");
    await expect(ranking.getByRole("listitem").nth(1)).toHaveAttribute("data-votes", "2");
    await expect(ranking.getByRole("listitem").nth(2)).toHaveAttribute("data-votes", "2");
    // Counts on every bar in the vote (the revealed drafts are unscheduled: no bar, but a card and a row).
    await expect(page.getByTestId("vote-chip").filter({ has: page.getByTestId("vote-count") })).toHaveCount(ITEMS.length);
  }
  await expect(ben.page.locator('[data-testid="vote-chip"][data-count="3"]')).toHaveCount(1);
  await expect(dev.page.getByTestId("vote-count")).toHaveCount(ITEMS.length, LIVE);
  await dev.page.context().close();
  await expect(guest.getByTestId("vote-count")).toHaveCount(ITEMS.length, LIVE);
  await expect(guest.getByRole("button", { name: /^Vote for / })).toHaveCount(0);
  await guest.context().close();
  await expect(ben.page.getByRole("button", { name: /^Vote for / })).toHaveCount(0);
  if (images) await ben.page.screenshot({ path: `${images}/workshop-revealed-vote.png` });

  // Ana moves the top 3 into the MVP: one change, which her Undo takes back whole.
  await audit(ana.page, "a revealed vote with the facilitator's outcome controls");
  const outcome = ana.page.getByTestId("vote-outcome");
  await outcome.getByLabel("Phase to move them into").selectOption({ label: "MVP" });
  await outcome.getByRole("button", { name: "Move top 3 into phase" }).click();
  await expect(ana.page.getByTestId("board-toast")).toContainText("Moved 3 items into MVP");
  await ben.page.getByTestId("view-tab-phases").click();
  const mvp = column(ben.page, "MVP").getByTestId("phase-card");
  await expect(mvp).toHaveCount(3, LIVE);
  await expect(column(ben.page, "MVP")).toContainText("Online booking");
  await expect(column(ben.page, "MVP")).toContainText("Reminder texts");
  await expect(column(ben.page, "MVP")).toContainText("Staff rota");
  // The counts stay on the cards, and on the table's rows.
  await expect(column(ben.page, "MVP").getByTestId("vote-count")).toHaveCount(3);
  await ana.page.getByTestId("view-tab-table").click();
  const row = ana.page.getByTestId("table-row").filter({ has: ana.page.getByRole("textbox", { name: "Title of Online booking" }) });
  await expect(row.getByTestId("vote-count")).toHaveText(/3$/);
  const history = ana.page.getByRole("group", { name: "History" });
  await history.getByRole("button", { name: "Undo" }).click();
  await expect(mvp).toHaveCount(0, LIVE);
  await history.getByRole("button", { name: "Redo" }).click();
  await expect(mvp).toHaveCount(3, LIVE);

  // The end: the bar closes for everyone, and the record is there for every member.
  await ana.page.getByRole("button", { name: "End workshop" }).click();
  await ana.page.getByTestId("end-workshop").getByRole("button", { name: "End workshop" }).click();
  for (const page of people) await expect(page.getByTestId("session-bar")).toHaveCount(0, LIVE);
  await chen.page.getByTestId("workshop-menu").click();
  await chen.page.getByRole("menuitem", { name: "Past workshops" }).click();
  await chen.page.getByTestId("past-workshops").getByRole("link", { name: "MVP cut for clinic booking" }).click();
  const record = chen.page.getByTestId("workshop-record");
  await expect(record).toBeVisible();
  await expect(record.getByRole("heading", { name: "MVP cut for clinic booking" })).toBeVisible();
  // Ana, Ben, Chen, and Dev who watched the vote.
  await expect(record.getByTestId("record-person")).toHaveCount(4);
  await expect(record.getByTestId("record-vote")).toContainText("What goes into the MVP");
  await expect(record.getByRole("list", { name: "Result of What goes into the MVP" }).getByRole("listitem").first()).toContainText("Online booking");
  await expect(record.getByRole("region", { name: "Drafts" })).toContainText("Waiting list");
  await expect(record.getByRole("region", { name: "Changes during the workshop" }).getByTestId("compare-list")).toContainText("Online booking", LIVE);
  await audit(chen.page, "the workshop record");
  const markdown = await chen.page.context().request.get(`/api/boards/${board.id}/workshops/${wid}/record.md`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain("MVP cut for clinic booking");

  for (const page of people) await expectNoCspViolations(page);
  await Promise.all(people.map((page) => page.context().close()));
});
