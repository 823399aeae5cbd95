/**
 * How long the three views of a 2,000-item board take to open, and where the time goes.
 *
 *   npx tsx tests/e2e/perf/viewsTimings.ts [http://localhost:3400]
 *
 * Against a running Waymark (production build): signs in as the demo owner, creates a board,
 * fills it with 2,000 items through the sync protocol (seedItems: a y-websocket client and the
 * lib/model commands), then opens it fresh in Debian's chromium once per view (timeline,
 * phases, table) and prints the time from navigation to the view drawn, the long animation
 * frames on the way, the page's own measures (snapshot read, derivation), and then the time of
 * a few gestures: sorting and filtering the table, dragging a card on the phase board.
 */
import { chromium, request as playwrightRequest, type Page } from "@playwright/test";
import { DEMO, signIn } from "../people";
import { seedItems, type SeedItem } from "../seedBoard";

const BASE = process.argv[2] ?? "http://localhost:3400";
const ITEMS = 2_000;

function items(): SeedItem[] {
  const lanes = ["Service design", "Development", "Testing", "Communication", "Go-to-market", "Operations"];
  const phases = ["MVP", "Pilot", "Beta", "Roll-out", "Enhancements"];
  const statuses = ["planned", "in_progress", "done", "at_risk"] as const;
  return Array.from({ length: ITEMS }, (_, i) => ({
    title: `Work package ${i + 1}`,
    lane: lanes[i % lanes.length],
    phase: i % 11 === 0 ? undefined : phases[Math.floor((i / ITEMS) * phases.length)],
    startOffset: (i * 7) % 300,
    duration: 1 + (i % 10),
    owners: [`Person ${(i % 150) + 1}`],
    status: statuses[i % 4],
  }));
}

/** Records long animation frames and the page's User Timing measures from the first byte on. */
const OBSERVE = () => {
  const w = window as unknown as { __frames: { start: number; duration: number; scripts: string }[]; __measures: { name: string; duration: number }[] };
  w.__frames = [];
  w.__measures = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const f = e as PerformanceEntry & { scripts: { invoker: string; invokerType: string; duration: number }[] };
      const scripts = f.scripts
        .filter((x) => x.duration >= 20)
        .map((x) => `${x.invokerType === "user-callback" ? x.invoker : x.invokerType} ${Math.round(x.duration)}`)
        .join(", ");
      w.__frames.push({ start: e.startTime, duration: e.duration, scripts });
    }
  }).observe({ type: "long-animation-frame", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__measures.push({ name: e.name, duration: e.duration });
  }).observe({ type: "measure", buffered: true });
};

async function report(page: Page, label: string, ms: number): Promise<void> {
  const { frames, measures } = await page.evaluate(() => {
    const w = window as unknown as { __frames: { start: number; duration: number; scripts: string }[]; __measures: { name: string; duration: number }[] };
    return { frames: w.__frames, measures: w.__measures };
  });
  console.log(`\n${label}: ${ms} ms from navigation to drawn`);
  for (const f of frames) console.log(`  long frame at ${f.start.toFixed(0)} ms: ${f.duration.toFixed(0)} ms  ${f.scripts}`);
  const byName = new Map<string, number[]>();
  for (const m of measures) byName.set(m.name, [...(byName.get(m.name) ?? []), m.duration]);
  for (const [name, list] of byName) console.log(`  ${name}: ${list.map((d) => d.toFixed(0)).join(", ")} ms`);
}

/** PROFILE=1: a CPU profile of the page; the stop function prints the functions with the most self time. */
async function startProfile(page: Page): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return async () => {
    const { profile } = (await cdp.send("Profiler.stop")) as {
      profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] };
    };
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber}:${columnNumber}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15);
    for (const [key, us] of top) console.log(`    ${(us / 1000).toFixed(0).padStart(5)} ms  ${key}`);
  };
}

async function main(): Promise<void> {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  await signIn(api, DEMO.owner);
  const created = await api.post("/api/boards", { data: { title: `Views board (${ITEMS} items)` } });
  const { board } = (await created.json()) as { board: { id: string } };
  let t = Date.now();
  await seedItems(api, BASE, board.id, items());
  console.log(`board ${BASE}/boards/${board.id}: ${ITEMS} items written and stored in ${Date.now() - t} ms`);

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: BASE });
  await context.addCookies((await api.storageState()).cookies);
  await context.addInitScript(OBSERVE);

  const views = [
    ["timeline", "", '[data-testid="item-bar"]'],
    ["phases", "?view=phases", '[data-testid="phase-card"]'],
    ["table", "?view=table", '[data-testid="table-row"]'],
  ] as const;
  for (const [name, search, drawn] of views) {
    const page = await context.newPage();
    const profiler = process.env.PROFILE ? await startProfile(page) : null;
    t = Date.now();
    await page.goto(`/boards/${board.id}${search}`);
    await page.locator(drawn).first().waitFor({ timeout: 60_000 });
    const ms = Date.now() - t;
    await page.waitForTimeout(500);
    await report(page, name, ms);
    if (profiler) await profiler();
    await page.close();
  }

  const page = await context.newPage();
  await page.goto(`/boards/${board.id}?view=table`);
  await page.getByTestId("table-row").first().waitFor();
  t = Date.now();
  await page.getByTestId("sort-title").click();
  await page.locator('[data-testid="table-row"] [aria-label="Open Work package 1"]').waitFor();
  console.log(`\ntable: sort by title ${Date.now() - t} ms`);
  t = Date.now();
  await page.getByLabel("Search items").fill("package 19");
  await page.getByTestId("table-count").getByText("111 of 2000 items").waitFor();
  console.log(`table: filter to 111 rows ${Date.now() - t} ms`);

  await page.getByRole("tab", { name: "Phases" }).click();
  const first = page.getByTestId("phase-card").first();
  await first.waitFor();
  const box = (await first.boundingBox())!;
  const since = await page.evaluate(() => performance.now());
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) await page.mouse.move(box.x + 20 + i * 12, box.y + 20 + i * 8);
  await page.mouse.up();
  await page.waitForTimeout(500);
  const frames = await page.evaluate(
    (t0) => (window as unknown as { __frames: { start: number; duration: number }[] }).__frames.filter((f) => f.start >= t0).map((f) => f.duration.toFixed(0)),
    since,
  );
  console.log(`phases: dragging a card over 30 pointer moves and dropping it: long frames ${frames.length ? frames.join(", ") + " ms" : "none"}`);
  await browser.close();
  await api.dispose();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
