/**
 * `npm run bench:workshop`: issue 17's vote benchmark. 40 participants vote within the same
 * 10 seconds on a 300-item board; every participant must see the final counts within 1 s of the
 * last vote, and the server must stay within its usual CPU.
 *
 * The real server (`node --import tsx server/index.ts`, production build, SQLite in a scratch
 * folder) in its own process, so its CPU is its own. The board, the facilitator (owner) and the
 * 40 participants (30 editors, 10 commenters) are written into the database before it starts;
 * each person is signed in with a session cookie signed with the server's secret, as the
 * sign-in flow would set it. Every participant listens on the board's live notices (`/events`),
 * as their browser does, and votes through the HTTP routes.
 *
 * Two rounds: an open vote (counts live: the time from the last ballot's answer until each
 * participant's stream shows the final counts), and a hidden vote (no counts reach anyone
 * before the reveal, checked on every stream; then the time from the reveal until each sees
 * them). The server's CPU is sampled while the 40 sit idle with the board open (its usual load
 * for this room) and during each voting window.
 * Options: --people N (default 40), --items N (300), --votes N per person (3), --window S (10).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { addCalendarDays, date } from "../../lib/model/dates";
import { newBoardId, newUserId, type UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { initBoardFromTemplate, TEMPLATE_LANES } from "../../lib/model/template";
import type { WorkshopPublic, WorkshopView } from "../../lib/protocol/workshops";
import { openSqliteStorage } from "../../server/storage/sqlite/openSqliteStorage";
import { openStream, sessionCookie, type OpenStream } from "../../tests/helpers/eventStreams";
import { cpuSeconds } from "./sync/procStats";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const PEOPLE = arg("people", 40);
const ITEMS = arg("items", 300);
const VOTES = arg("votes", 3);
const WINDOW_S = arg("window", 10);
const SECRET = "bench-workshop-secret-0123456789abcdef0123456789";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

interface Person {
  id: UserId;
  name: string;
  cookie: string;
  stream?: OpenStream;
}

async function prepare(file: string) {
  const store = openSqliteStorage(file);
  const origin = createOrigin("local", "bench");
  const doc = new Y.Doc();
  const start = date(new Date().toISOString().slice(0, 10));
  const ids = initBoardFromTemplate(doc, origin, { title: "Workshop bench", horizonStart: start, horizonEnd: addCalendarDays(start, 365) });
  const lanes = TEMPLATE_LANES.map((l) => ids.lanes[l.name]);
  const itemIds: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const created = createItem(doc, origin, { title: `Feature ${i + 1}`, laneId: lanes[i % lanes.length]!, start: addCalendarDays(start, (i * 3) % 300), duration: 5 + (i % 10) });
    if (!created.ok) throw new Error(created.error);
    itemIds.push(created.value);
  }
  const owner = newUserId();
  await store.createUser({ id: owner, email: "facilitator@bench.waymark.dev", name: "Facilitator", passwordHash: null });
  const boardId = newBoardId();
  await store.createOwnedBoard({ id: boardId, title: "Workshop bench", ownerId: owner }, Y.encodeStateAsUpdate(doc));
  const people: { id: UserId; name: string }[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const id = newUserId();
    const name = `Participant ${i + 1}`;
    await store.createUser({ id, email: `p${i + 1}@bench.waymark.dev`, name, passwordHash: null });
    await store.setRole(boardId, id, i % 4 === 3 ? "commenter" : "editor");
    people.push({ id, name });
  }
  await store.close();
  return { boardId, owner, people, itemIds };
}

async function startChild(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), WAYMARK_DATA_DIR: dataDir, NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, DATABASE_URL: "", REDIS_URL: "", WAYMARK_SEED: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/signin`)).ok) return child;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("the server did not start within 2 minutes");
}

async function main() {
  console.log("building the web app if it changed…");
  const built = spawnSync(process.execPath, ["scripts/buildIfChanged.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("build failed");
  const dataDir = mkdtempSync(join(tmpdir(), "waymark-bench-workshop-"));
  let child: ChildProcess | undefined;
  const people: Person[] = [];
  try {
    const { boardId, owner, people: members, itemIds } = await prepare(join(dataDir, "waymark.sqlite"));
    const port = await freePort();
    child = await startChild(dataDir, port);
    // Killed from outside (a closed pipe, Ctrl+C), the bench must not leave its server running.
    const orphan = child;
    process.once("exit", () => orphan.kill("SIGKILL"));
    const pid = child.pid!;
    const base = `http://127.0.0.1:${port}`;
    const api = `${base}/api/boards/${boardId}`;
    const facilitator: Person = { id: owner, name: "Facilitator", cookie: await sessionCookie(SECRET, owner, "Facilitator") };
    for (const m of members) people.push({ ...m, cookie: await sessionCookie(SECRET, m.id, m.name) });

    async function call<T>(who: Person, method: string, path: string, body?: unknown): Promise<{ status: number; value: T }> {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: { cookie: who.cookie, origin: base, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
      return { status: response.status, value: (text ? JSON.parse(text) : undefined) as T };
    }

    // Everyone opens the board: the live notices, as each browser listens to them.
    for (const p of [facilitator, ...people]) {
      p.stream = await openStream(`${base}/events?board=${encodeURIComponent(boardId)}`, p.cookie);
      if (p.stream.status !== 200) throw new Error(`event stream: ${p.stream.status}`);
    }
    const started = await call<{ workshop: WorkshopView }>(facilitator, "POST", "/workshop", {
      title: "MVP cut",
      agenda: [
        { title: "Vote the MVP", minutes: 10, kind: "vote" },
        { title: "Vote again, hidden", minutes: 10, kind: "vote" },
      ],
    });
    const workshopId = started.value.workshop.id;

    // The usual CPU of this room: everyone connected, nothing happening.
    await sleep(1_000);
    const idleCpu = await cpuOver(pid, 5_000);

    const rounds: { label: string; seen: number[]; ballots: number[]; cpu: number; leaked: number }[] = [];
    for (const visibility of ["open", "hidden"] as const) {
      const opened = await call<{ workshop: WorkshopView }>(facilitator, "POST", `/workshop/${workshopId}/votes`, {
        title: `MVP (${visibility})`,
        scope: { kind: "board" },
        votesPerPerson: VOTES,
        stacking: false,
        visibility,
      });
      const voteId = opened.value.workshop.vote!.id;
      const total = PEOPLE * VOTES;
      const marks = people.map((p) => p.stream!.events.length);
      const cpuStart = cpuSeconds(pid) ?? 0;
      const t0 = performance.now();
      const ballotMs: number[] = [];
      let lastAnswer = 0;
      await Promise.all(
        people.map(async (p) => {
          const chosen = new Set<string>();
          while (chosen.size < VOTES) chosen.add(itemIds[Math.floor(Math.random() * itemIds.length)]!);
          for (const itemId of chosen) {
            await sleep(Math.max(0, t0 + Math.random() * WINDOW_S * 1_000 - performance.now()));
            const sent = performance.now();
            await call(p, "POST", `/workshop/${workshopId}/votes/${voteId}/ballots`, { itemId, delta: 1 });
            const now = performance.now();
            ballotMs.push(now - sent);
            lastAnswer = Math.max(lastAnswer, now);
          }
        }),
      );
      const cpu = ((cpuSeconds(pid) ?? cpuStart) - cpuStart) / ((performance.now() - t0) / 1000);
      let revealedAt = lastAnswer;
      // Hidden: nobody's stream carried a count before the reveal.
      const leaked = people.filter((p, i) => p.stream!.events.slice(marks[i]).some((e) => countsOf(e.data, voteId) !== null)).length;
      if (visibility === "hidden") {
        revealedAt = performance.now();
        await call(facilitator, "POST", `/workshop/${workshopId}/votes/${voteId}/state`, { state: "revealed" });
      }
      const seen = await Promise.all(
        people.map(async (p, i) => {
          const event = await p.stream!.waitFor((e) => sum(countsOf(e.data, voteId)) === total, { after: marks[i], timeoutMs: 30_000 });
          return event.receivedAt;
        }),
      );
      rounds.push({
        label: visibility === "open" ? "open vote: final counts seen after the last vote" : "hidden vote: counts seen after the reveal",
        seen: seen.map((t) => Math.max(0, t - revealedAt)),
        ballots: ballotMs,
        cpu,
        leaked,
      });
      // On to the next round's step (which closes this vote); the last step has no next one.
      if (visibility === "open") await call(facilitator, "POST", `/workshop/${workshopId}/actions`, { action: "next-step" });
    }

    const row = (label: string, measured: string, target: string) => console.log(`${label.padEnd(62)}${measured.padStart(26)}   ${target}`);
    console.log(`board: ${ITEMS} items, ${PEOPLE} participants (${people.length - Math.floor(PEOPLE / 4)} editors, ${Math.floor(PEOPLE / 4)} commenters) + a facilitator, ${VOTES} votes each within ${WINDOW_S} s`);
    console.log(`${"measure".padEnd(62)}${"median / p95 / max".padStart(26)}   target`);
    for (const r of rounds) {
      const s = stats(r.seen);
      row(r.label, `${s.median.toFixed(0)} / ${s.p95.toFixed(0)} / ${s.max.toFixed(0)} ms`, "every participant ≤ 1000 ms");
      const b = stats(r.ballots);
      row("  one ballot's answer (POST …/ballots)", `${b.median.toFixed(0)} / ${b.p95.toFixed(0)} / ${b.max.toFixed(0)} ms`, "");
      row("  server CPU while voting (share of one core)", `${(r.cpu * 100).toFixed(1)} %`, `idle with the room open: ${(idleCpu * 100).toFixed(1)} %`);
      if (r.label.startsWith("hidden")) row("  streams that carried a count before the reveal", `${r.leaked} of ${PEOPLE}`, "0");
    }
    console.log(`Node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(", ")}`);
  } finally {
    for (const p of people) p.stream?.close();
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cpuOver(pid: number, ms: number): Promise<number> {
  const a = cpuSeconds(pid) ?? 0;
  await sleep(ms);
  return ((cpuSeconds(pid) ?? a) - a) / (ms / 1000);
}

/** The vote's counts in a live workshop notice, or null when it carries none (hidden, or another vote). */
function countsOf(data: unknown, voteId: string): Record<string, number> | null {
  const event = data as { type?: string; workshop?: WorkshopPublic | null };
  if (event?.type !== "workshop" || !event.workshop?.vote || event.workshop.vote.id !== voteId) return null;
  return event.workshop.vote.counts;
}

function sum(counts: Record<string, number> | null): number {
  return counts ? Object.values(counts).reduce((a, b) => a + b, 0) : -1;
}

await main();
