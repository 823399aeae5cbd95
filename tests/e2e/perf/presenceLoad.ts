/**
 * A 40-person workshop on one board, measured from the browser of a 41st person.
 *
 *   npm run bench:presence -- [http://localhost:3124]      (or npx tsx tests/e2e/perf/presenceLoad.ts …)
 *
 * Against a running Waymark (production build, demo accounts seeded): signs in as the demo owner,
 * creates a board with 300 items through the sync protocol, signs up 40 people, makes them
 * editors and connects each with a stock y-websocket client (tests/e2e/crowd.ts). The owner's
 * board is opened in Debian's chromium, then, for PRESENCE_SECONDS (default 15), all 40 move
 * their pointers over the part of the board in view at 10 Hz. Printed: the browser's frame
 * intervals (requestAnimationFrame, p50/p95/p99/max) while idle and under load, long animation
 * frames, the websocket messages and bytes it received per second, what reading presence cost
 * per frame (the page's own waymark:presence measure), and that the avatars show 6 and "+34"
 * with a list of 40. A control phase repeats the load with the table view in front (no cursor
 * layer), so a busy machine's noise can be told from what drawing the cursors costs. The
 * machine's load average is printed with each phase, and the renderer's own count of main-thread
 * work (Chrome's Performance.getMetrics) per second of each phase. VERBOSE=1 lists each long frame;
 * WAYMARK_SCREENSHOTS=<folder> also saves what the page looked like.
 */
import { cpus, loadavg } from "node:os";
import { chromium, request, type Page } from "@playwright/test";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addCalendarDays, toDayNumber } from "../../../lib/model/dates";
import { createItem } from "../../../lib/model/itemCommands";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { joinCrowd, type Crowd } from "../crowd";
import { createBoard, DEMO, signIn } from "../people";

const BASE = process.argv[2] ?? process.env.WAYMARK_URL ?? "http://localhost:3124";
// Members join by accepting their invitation mail: a server started with `npm start` here writes it to data/outbox.
process.env.WAYMARK_E2E_OUTBOX ??= "data/outbox";
const PEOPLE = 40;
const HZ = 10;
const SECONDS = Number(process.env.PRESENCE_SECONDS) || 15;
const ITEMS = 300;
const shotsFolder = process.env.WAYMARK_SCREENSHOTS;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function describe(values: number[]): string {
  if (!values.length) return "none";
  const s = [...values].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(1);
  return `n=${s.length} p50 ${f(percentile(s, 50))} ms, p95 ${f(percentile(s, 95))} ms, p99 ${f(percentile(s, 99))} ms, max ${f(s[s.length - 1]!)} ms`;
}

/** Fills the board through the sync protocol, as a script with the owner's sync token would. */
async function fillBoard(boardId: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${BASE.replace(/^http/, "ws")}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  const snapshot = readSnapshot(doc);
  const origin = createOrigin("import", "presence-bench");
  doc.transact(() => {
    for (let i = 0; i < ITEMS; i++) {
      const lane = snapshot.lanes[i % snapshot.lanes.length]!;
      createItem(doc, origin, { title: `Work package ${i + 1}`, laneId: lane.id, start: addCalendarDays(snapshot.board.horizonStart, (i * 7) % 300), duration: 1 + (i % 9) });
    }
  }, origin);
  await sleep(1_500); // stored and fanned out before the page opens
  provider.destroy();
}

/** Every person moves along their own figure, over the first ~4 months (in view at the months zoom). */
function moveEveryone(crowd: Crowd, from: number, days: number): () => void {
  const timers = crowd.members.map((member, i) => {
    let t = i * 0.37;
    const lane = (k: number) => crowd.laneIds[Math.abs(Math.floor(k)) % crowd.laneIds.length]!;
    const tick = () => {
      t += 1 / HZ;
      const x = (Math.sin(t * 0.9 + i) + 1) / 2;
      const y = (Math.sin(t * 1.3 + i * 2) + 1) / 2;
      const row = y * crowd.laneIds.length;
      member.point({ day: Math.round((from + x * days) * 1000) / 1000, lane: lane(row), y: Math.round((row % 1) * 1000) / 1000 });
    };
    // Spread over the 100 ms so 40 people do not move in lockstep.
    let interval: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      tick();
      interval = setInterval(tick, 1000 / HZ);
    }, (i * 1000) / HZ / PEOPLE);
    return () => {
      clearTimeout(start);
      if (interval) clearInterval(interval);
    };
  });
  return () => timers.forEach((stop) => stop());
}

interface LongFrame {
  duration: number;
  /** Of the frame, the time spent rendering (style, layout, paint) after its scripts. */
  render: number;
  scripts: string;
}

interface Sample {
  frames: number[];
  longFrames: LongFrame[];
  presence: number[];
}

async function installProbes(page: Page): Promise<void> {
  // tsx (esbuild) wraps named functions in a __name helper that does not exist in the page.
  await page.addInitScript({ content: "window.__name = (fn) => fn;" });
  await page.addInitScript(() => {
    const w = window as unknown as { __probe: { frames: number[]; longFrames: LongFrame[]; presence: { at: number; duration: number }[]; on: boolean } };
    w.__probe = { frames: [], longFrames: [], presence: [], on: false };
    let last = 0;
    const loop = (now: number) => {
      if (w.__probe.on && last) w.__probe.frames.push(now - last);
      last = now;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!w.__probe.on) continue;
        // Where a long frame went: scripts by what started them, then rendering (style, layout, paint).
        const f = e as PerformanceEntry & { renderStart: number; scripts: { invoker: string; invokerType: string; duration: number }[] };
        const render = f.renderStart ? e.startTime + e.duration - f.renderStart : 0;
        const scripts = f.scripts.filter((x) => x.duration >= 3).map((x) => `${x.invokerType === "user-callback" ? x.invoker : x.invokerType} ${Math.round(x.duration)}`);
        w.__probe.longFrames.push({ duration: e.duration, render, scripts: scripts.join(", ") });
      }
    }).observe({ type: "long-animation-frame", buffered: false });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__probe.on && e.name === "waymark:presence") w.__probe.presence.push({ at: e.startTime, duration: e.duration });
    }).observe({ type: "measure", buffered: false });
  });
}

async function measure(page: Page, seconds: number): Promise<Sample> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: { frames: number[]; longFrames: number[]; presence: unknown[]; on: boolean } };
    w.__probe.frames = [];
    w.__probe.longFrames = [];
    w.__probe.presence = [];
    w.__probe.on = true;
  });
  await sleep(seconds * 1000);
  return page.evaluate(() => {
    const w = window as unknown as { __probe: { frames: number[]; longFrames: LongFrame[]; presence: { duration: number }[]; on: boolean } };
    w.__probe.on = false;
    return { frames: w.__probe.frames, longFrames: w.__probe.longFrames, presence: w.__probe.presence.map((p) => p.duration) };
  });
}

function printLongFrames(frames: LongFrame[]): void {
  const total = frames.reduce((sum, f) => sum + f.duration, 0);
  const render = frames.reduce((sum, f) => sum + f.render, 0);
  console.log(`  long frames (LoAF):     ${frames.length} (${total.toFixed(0)} ms, of which rendering ${render.toFixed(0)} ms)`);
  if (process.env.VERBOSE) frames.forEach((f) => console.log(`    ${f.duration.toFixed(0)} ms, render ${f.render.toFixed(0)} ms: ${f.scripts}`));
}

async function main(): Promise<void> {
  const owner = await request.newContext({ baseURL: BASE });
  await signIn(owner, DEMO.owner);
  const board = await createBoard(owner, `Presence load (${PEOPLE} people)`);
  const { token } = (await (await owner.post(`/api/boards/${board.id}/sync-token`)).json()) as { token: string };
  await fillBoard(board.id, token);
  const t = Date.now();
  const crowd = await joinCrowd(BASE, owner, board.id, PEOPLE, "Person");
  console.log(`board ${BASE}/boards/${board.id}: ${ITEMS} items; ${PEOPLE} people signed up, made editors and connected in ${Date.now() - t} ms`);

  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: BASE });
  await signIn(context.request, DEMO.owner);
  const page = await context.newPage();
  await installProbes(page);
  const received = { frames: 0, awareness: 0, bytes: 0, counting: false };
  page.on("websocket", (ws) => {
    if (!ws.url().includes("/sync/")) return;
    ws.on("framereceived", ({ payload }) => {
      if (!received.counting) return;
      const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
      received.frames++;
      received.bytes += bytes.length;
      if (bytes[0] === 1) received.awareness++;
    });
  });
  await page.goto(`/boards/${board.id}`);
  await page.getByTestId("timeline").waitFor();
  await page.getByRole("radio", { name: "Months" }).click();

  // 40 people are there: six avatars, "+34", and a list of all 40.
  await page.getByTestId("presence-more").waitFor();
  const shown = await page.getByTestId("presence-peer").count();
  const more = await page.getByTestId("presence-more").textContent();
  await page.getByTestId("presence-more").click();
  const listed = await page.getByTestId("people-list-person").count();
  console.log(`avatars: ${shown} shown and "${more}"; the list names ${listed} people`);
  if (shown !== 6 || more !== `+${PEOPLE - 6}` || listed !== PEOPLE) throw new Error("the presence bar does not show 40 people as it should");
  if (shotsFolder) await page.screenshot({ path: `${shotsFolder}/presence-40-list.png` });
  await page.keyboard.press("Escape");

  const horizonStart = toDayNumber(readSnapshot(crowd.members[0]!.doc).board.horizonStart);
  await sleep(1_000);
  // The renderer's own accounting of main-thread work (seconds of tasks, scripts, style, layout).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const metrics = async () => {
    const { metrics: list } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const phase = async (label: string, seconds: number, moving: boolean) => {
    const stop = moving ? moveEveryone(crowd, horizonStart + 10, 110) : () => undefined;
    if (moving) await sleep(1_000);
    received.frames = received.awareness = received.bytes = 0;
    received.counting = true;
    const before = await metrics();
    const started = Date.now();
    const sample = await measure(page, seconds);
    const elapsed = (Date.now() - started) / 1000;
    const after = await metrics();
    received.counting = false;
    const busy = (name: string) => `${(((after[name] ?? 0) - (before[name] ?? 0)) * 1000 / elapsed).toFixed(0)} ms/s`;
    const cursors = await page.getByTestId("peer-cursor").count();
    stop();
    const over = (limit: number) => sample.frames.filter((f) => f > limit).length;
    console.log(`\n${label}, ${seconds} s (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
    console.log(`  frame intervals:        ${describe(sample.frames)}`);
    console.log(`  late frames:            ${over(16.7 * 1.5)} over 25 ms, ${over(50)} over 50 ms, of ${sample.frames.length}`);
    printLongFrames(sample.longFrames);
    console.log(`  presence read a frame:  ${describe(sample.presence)} (${(sample.presence.length / elapsed).toFixed(1)} reads/s)`);
    console.log(`  received:               ${(received.frames / elapsed).toFixed(1)} messages/s (${(received.awareness / elapsed).toFixed(1)} presence), ${(received.bytes / elapsed / 1024).toFixed(1)} KiB/s`);
    console.log(`  main thread busy:       tasks ${busy("TaskDuration")}, scripts ${busy("ScriptDuration")}, style ${busy("RecalcStyleDuration")}, layout ${busy("LayoutDuration")}`);
    console.log(`  cursors drawn:          ${cursors}`);
  };

  await phase("idle: 40 people present, nobody moving", 5, false);
  await phase(`40 people moving their pointers at ${HZ} Hz (${PEOPLE * HZ} moves/s), timeline in view`, SECONDS, true);
  if (shotsFolder) {
    const stop = moveEveryone(crowd, horizonStart + 10, 110);
    await sleep(1_500);
    await page.screenshot({ path: `${shotsFolder}/presence-40-cursors-light.png` });
    await page.emulateMedia({ colorScheme: "dark" });
    await sleep(400);
    await page.screenshot({ path: `${shotsFolder}/presence-40-cursors-dark.png` });
    await page.emulateMedia({ colorScheme: "light" });
    stop();
  }
  // Control: the same traffic and the same machine load, with no cursors to draw (the table
  // view has no cursor layer), so the difference is what drawing 40 cursors costs.
  await page.getByRole("tab", { name: "Table" }).click();
  await phase("control: the same 40 moving, table view in front (no cursors drawn)", SECONDS, true);

  await browser.close();
  crowd.leave();
  await owner.dispose();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
