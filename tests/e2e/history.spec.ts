import { expect, test } from "@playwright/test";
import { formatDate, localToday } from "../../lib/format/dates";
import { addCalendarDays, type DateString } from "../../lib/model/dates";
import { addMember, barNamed, createBoard, expectNoCspViolations, newPerson, openBoard } from "./people";
import { seedMilestone } from "./seedBoard";

/**
 * "Who moved the go-live, and when" in two clicks: Ana moves the go-live in Board setup; Ben,
 * a viewer, clicks the milestone on the timeline, then History, and reads who moved it from
 * which date to which. The route's roles are checked on the way.
 */
test("Ana moves the go-live; Ben (a viewer) clicks it, then History, and reads who moved it from when to when", async ({ browser, baseURL }) => {
  // Three sign-ups, two boards open and a dialog: more than the default on a 2-core machine.
  test.setTimeout(90_000);
  const ana = await newPerson(browser, "Ana Planner");
  const ben = await newPerson(browser, "Ben Viewer");
  const board = await createBoard(ana.page.request, "Citizen portal");
  await addMember(ana.page.request, board.id, ben.account.email, "viewer");
  await seedMilestone(ana.page.request, baseURL!, board.id, "Go-live", 28);

  await openBoard(ana.page, `/boards/${board.id}`);
  await openBoard(ben.page, `/boards/${board.id}`);

  // Ana moves the go-live two weeks later, in Board setup.
  await ana.page.getByRole("button", { name: "Board setup" }).click();
  await ana.page.getByTestId("board-setup").getByRole("tab", { name: "Milestones" }).click();
  const dateInput = ana.page.getByTestId("milestones-editor").getByLabel("Date of Go-live");
  const before = (await dateInput.inputValue()) as DateString;
  const after = addCalendarDays(before, 14);
  await dateInput.fill(after);
  await ana.page.keyboard.press("Escape");
  const goLive = ben.page.getByTestId("milestone").filter({ hasText: "Go-live" });
  const today = localToday();
  await expect(goLive).toHaveAttribute("title", new RegExp(formatDate(after, { today }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  // Ben: two clicks. The milestone, then History.
  await goLive.click();
  await ben.page.getByTestId("milestone-tab-history").click();
  const entries = ben.page.getByTestId("object-history").getByTestId("history-entry");
  await expect(entries.first()).toContainText(`Ana Planner moved Date ${formatDate(before, { today })} → ${formatDate(after, { today })}`);
  await expect(entries.first().locator("time")).toHaveText(/now|second|minute/);
  await expect(entries.last()).toContainText("Ana Planner added this milestone");
  await ben.page.screenshot({ path: "test-results/history-milestone.png" });

  // The same for an item: Ana adds one and pins it a week later; Ben selects it, then History.
  await ana.page.getByRole("button", { name: "Add item" }).click();
  await ana.page.getByLabel("Title", { exact: true }).fill("Pilot onboarding");
  await ana.page.getByLabel("Title", { exact: true }).press("Enter");
  const startInput = ana.page.getByLabel("Start", { exact: true });
  const firstStart = (await startInput.inputValue()) as DateString;
  const laterStart = addCalendarDays(firstStart, 7);
  await startInput.fill(laterStart);
  const bar = barNamed(ben.page, "Pilot onboarding");
  await expect(bar).toHaveAttribute("data-start", laterStart);
  await bar.click();
  await ben.page.getByTestId("item-tab-history").click();
  const itemEntries = ben.page.getByTestId("item-history").getByTestId("history-entry");
  await expect(itemEntries.first()).toContainText(`Ana Planner moved Start ${formatDate(firstStart, { today })} → ${formatDate(laterStart, { today })}`);
  await expect(itemEntries.last()).toContainText("Ana Planner added this item");
  await ben.page.screenshot({ path: "test-results/history-item.png" });
  await expectNoCspViolations(ben.page);
});

test("history route: members of every role read it, a stranger gets 404, signed out 401, a bad query 422", async ({ browser, baseURL, playwright }) => {
  const ana = await newPerson(browser, "Ana Owner");
  const chen = await newPerson(browser, "Chen Commenter");
  const stranger = await newPerson(browser, "Sam Stranger");
  const board = await createBoard(ana.page.request, "Roles and history");
  await addMember(ana.page.request, board.id, chen.account.email, "commenter");
  const milestone = await seedMilestone(ana.page.request, baseURL!, board.id, "Pilot start", 7);
  const path = `/api/boards/${board.id}/history`;

  for (const reader of [ana, chen]) {
    const page = await reader.page.request.get(`${path}?object=${milestone}`);
    expect(page.status(), await page.text()).toBe(200);
    const body = (await page.json()) as { entries: { user: { name: string }; kind: string; objectKind: string; objectTitle: string }[]; next: string | null };
    expect(body.entries.map((e) => `${e.user.name} ${e.kind} ${e.objectKind} ${e.objectTitle}`)).toEqual(["Ana Owner added milestone Pilot start"]);
    expect(body.next).toBeNull();
  }
  const steps = await chen.page.request.get(`${path}?from=2000-01-01T00:00:00Z&limit=10`);
  expect(steps.status()).toBe(200);
  expect(((await steps.json()) as { entries: unknown[]; more: boolean }).more).toBe(false);

  expect((await stranger.page.request.get(`${path}?object=${milestone}`)).status()).toBe(404);
  expect((await stranger.page.request.get(path)).status()).toBe(404);
  const signedOut = await playwright.request.newContext({ baseURL });
  expect((await signedOut.get(`${path}?object=${milestone}`)).status()).toBe(401);
  await signedOut.dispose();
  for (const query of ["?object=a&from=2030-01-01T00:00:00Z", "?object=a&limit=101", "?limit=501", "?object=a&before=abc", "?from=yesterday", "?object=a&object=b", "?object=../x"]) {
    const bad = await ana.page.request.get(`${path}${query}`);
    expect(bad.status(), query).toBe(422);
  }
});
