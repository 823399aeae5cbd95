/**
 * Frame times of the board page on a generated 2,000-item board, while people edit it.
 *
 *   npx tsx tests/e2e/perf/boardFrames.ts [http://localhost:3400]
 *
 * Against a running Waymark (production build): signs in as the demo owner (or
 * WAYMARK_PERF_EMAIL / WAYMARK_PERF_PASSWORD), creates a board through the HTTP API, fills it
 * through the sync protocol with a stock y-websocket client holding a sync token and the
 * lib/model commands (scripts/bench/liveBoard.ts), opens it in Debian's chromium, then times remote edits (another person),
 * a burst of remote edits, and local keyboard moves. It prints long animation frames (LoAF,
 * every frame over 50 ms) and the page's own User Timing measures of the snapshot read and the
 * derivation, so a slow frame can be blamed on the right stage.
 */
import { chromium, type Page } from "@playwright/test";
import { addCalendarDays, type DateString } from "../../../lib/model/dates";
import { recordMap } from "../../../lib/model/docLayout";
import { moveItem } from "../../../lib/model/itemCommands";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { LIVE_BOARD, connectWriter, fillBoard, random } from "../../../scripts/bench/liveBoard";
import { DEMO, signIn } from "../people";

const BASE = process.argv[2] ?? "http://localhost:3400";
const { items: ITEMS, dependencies: DEPENDENCIES, milestones: MILESTONES } = LIVE_BOARD;

interface FrameReport {
  frames: number[];
  /** Of each long frame, the part spent in style, layout and paint after the scripts. */
  layout: number[];
  /** Of each long frame, the scripts that ran in it (5 ms or more) and their durations. */
  scripts: string[];
  derive: number[];
  snapshot: number[];
  /** Any other waymark:* measures the page records, by name. */
  other: [string, number[]][];
}

/** Long animation frames and the page's measures since `since` (page clock). */
async function collect(page: Page, since: number): Promise<FrameReport> {
  return page.evaluate((t0) => {
    const w = window as unknown as { __frames: { start: number; duration: number; layout: number; scripts: string }[]; __measures: { name: string; start: number; duration: number }[] };
    return {
      frames: w.__frames.filter((f) => f.start >= t0).map((f) => f.duration),
      layout: w.__frames.filter((f) => f.start >= t0).map((f) => f.layout),
      scripts: w.__frames.filter((f) => f.start >= t0).map((f) => f.scripts),
      derive: w.__measures.filter((m) => m.start >= t0 && m.name === "waymark:derive").map((m) => m.duration),
      snapshot: w.__measures.filter((m) => m.start >= t0 && m.name === "waymark:snapshot").map((m) => m.duration),
      other: Object.entries(
        w.__measures
          .filter((m) => m.start >= t0 && m.name !== "waymark:snapshot" && m.name !== "waymark:derive")
          .reduce<Record<string, number[]>>((acc, m) => ((acc[m.name] ??= []).push(m.duration), acc), {}),
      ),
    };
  }, since);
}

const now = (page: Page) => page.evaluate(() => performance.now());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function stats(values: number[]): string {
  if (values.length === 0) return "none";
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return `n=${values.length} median ${median.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}

function print(label: string, r: FrameReport): void {
  console.log(`\n${label}`);
  console.log(`  frames over 50 ms (LoAF): ${r.frames.length === 0 ? "none" : r.frames.map((d) => d.toFixed(0)).join(", ") + " ms"}`);
  console.log(`  of which style+layout:    ${r.layout.length === 0 ? "-" : r.layout.map((d) => d.toFixed(0)).join(", ") + " ms"}`);
  if (process.env.VERBOSE) r.scripts.forEach((x, i) => console.log(`    frame ${i + 1} scripts: ${x}`));
  console.log(`  snapshot read:            ${stats(r.snapshot)}`);
  console.log(`  derivation:               ${stats(r.derive)}`);
  for (const [name, values] of r.other) console.log(`  ${name.padEnd(26)}${stats(values)}`);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: BASE });
  // The browser context's cookie jar signs in both the API calls below and the page.
  await signIn(context.request, {
    email: process.env.WAYMARK_PERF_EMAIL ?? DEMO.owner.email,
    password: process.env.WAYMARK_PERF_PASSWORD ?? DEMO.owner.password,
  });
  const created = await context.request.post("/api/boards", { data: { title: `Frame-time board (${ITEMS} items)` } });
  const { board } = (await created.json()) as { board: { id: string } };
  const { token } = (await (await context.request.post(`/api/boards/${board.id}/sync-token`)).json()) as { token: string };
  const writer = await connectWriter(BASE, board.id, token);
  const t = Date.now();
  const items = fillBoard(writer.doc);
  console.log(`board ${BASE}/boards/${board.id}: ${items.length} items, ${DEPENDENCIES} dependencies, ${MILESTONES} milestones, generated in ${Date.now() - t} ms`);
  await sleep(1_500); // let the server store and fan out the last update

  await context.addInitScript(() => {
    const w = window as unknown as { __frames: unknown[]; __measures: unknown[] };
    w.__frames = [];
    w.__measures = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        // Where the frame went: script (tasks, React), then style and layout, then paint.
        const f = e as PerformanceEntry & {
          styleAndLayoutStart: number;
          scripts: { invoker: string; invokerType: string; duration: number }[];
        };
        const layoutAt = f.styleAndLayoutStart || e.startTime + e.duration;
        // What ran in the frame: e.g. "WebSocket.onmessage 12, FrameRequestCallback 48".
        const scripts = f.scripts
          .filter((x) => x.duration >= 5)
          .map((x) => `${x.invokerType === "user-callback" ? x.invoker : x.invokerType} ${Math.round(x.duration)}`)
          .join(", ");
        w.__frames.push({ start: e.startTime, duration: e.duration, layout: e.startTime + e.duration - layoutAt, scripts });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__measures.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: "measure", buffered: true });
  });
  const page = await context.newPage();
  const opened = Date.now();
  await page.goto(`${BASE}/boards/${board.id}`);
  await page.getByTestId("timeline").waitFor();
  // Bars are drawn near the view only; the canvas says how many the schedule placed.
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute("data-bar-count")) >= n,
    ITEMS * 0.9,
    { timeout: 60_000 },
  );
  const placed = await page.getByTestId("timeline-canvas").getAttribute("data-bar-count");
  console.log(`page drew ${placed} scheduled items (${await page.getByTestId("item-bar").count()} bars near the view in the DOM) in ${Date.now() - opened} ms`);
  print("first load (one-off: connect, first snapshot, first derivation, first render)", await collect(page, 0));
  await sleep(1_000);

  // Another person moves items that others wait on, one at a time.
  const origin = createOrigin("local", "perf-remote");
  const horizonStart = readSnapshot(writer.doc).board.horizonStart;
  const rand = random(7);
  let since = await now(page);
  for (let i = 0; i < 15; i++) {
    const id = items[Math.floor(rand() * 200)]!;
    // Read the one record, not a whole snapshot: the writer must not steal the page's CPU.
    const start = (recordMap(writer.doc, "items", id)?.get("start") as DateString | null | undefined) ?? null;
    moveItem(writer.doc, origin, id, { start: addCalendarDays(start ?? horizonStart, 1) });
    await sleep(400);
  }
  print("15 remote edits, 400 ms apart", await collect(page, since));

  // A workshop burst: 40 edits from another person within a second.
  since = await now(page);
  for (let i = 0; i < 40; i++) {
    const id = items[Math.floor(rand() * items.length)]!;
    moveItem(writer.doc, origin, id, { start: addCalendarDays(horizonStart, Math.floor(rand() * 300)) });
    await sleep(25);
  }
  await sleep(1_500);
  print("40 remote edits within a second", await collect(page, since));

  // This person moves a selected bar with the keyboard (local commands are drawn at once).
  const bar = page.getByTestId("item-bar").first();
  await bar.focus();
  since = await now(page);
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Alt+ArrowRight");
    await sleep(300);
  }
  print("10 local keyboard moves", await collect(page, since));

  await browser.close();
  writer.provider.destroy();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
