/**
 * A generated 2,000-item board filled through the sync protocol, shared by the browser
 * benchmarks (`npm run bench:ui`, tests/e2e/perf/boardFrames.ts): a stock y-websocket client
 * holding a sync token writes it with the lib/model commands, as any client would (no
 * test-only route).
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { addCalendarDays } from "../../lib/model/dates";
import { addDependency } from "../../lib/model/dependencyCommands";
import type { ItemId, LaneId, MilestoneId, PhaseId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { addLane } from "../../lib/model/laneCommands";
import { addMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";

export const LIVE_BOARD = { items: 2_000, dependencies: 3_000, milestones: 60, extraLanes: 6 } as const;

/** A small seeded generator: the same board on every run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Joins a board's room as a Node client; resolves after the first sync. */
export async function connectWriter(baseUrl: string, boardId: string, token: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  return { doc, provider };
}

/**
 * Fills the board the way a big planning team would: many lanes, chains of work, milestones,
 * 150 people. Mostly consistent, as a plan someone maintains is: pinned items start after
 * their predecessors, except about one link in twenty, which gives a realistic few dozen
 * conflicts rather than thousands. Returns the item ids in creation order.
 */
export function fillBoard(doc: Y.Doc): ItemId[] {
  const { items: ITEMS, dependencies: DEPENDENCIES, milestones: MILESTONES, extraLanes: EXTRA_LANES } = LIVE_BOARD;
  const origin = createOrigin("import", "perf-script");
  const rand = random(20_261_125);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const snap = readSnapshot(doc);
  const start = snap.board.horizonStart; // a Monday
  const lanes: LaneId[] = snap.lanes.map((l) => l.id);
  for (let i = 0; i < EXTRA_LANES; i++) {
    const lane = addLane(doc, origin, { name: `Team ${i + 1}`, color: "#0ea5e9", capacity: 40 });
    if (lane.ok) lanes.push(lane.value);
  }
  const phases: PhaseId[] = snap.phases.map((p) => p.id);
  const owners = Array.from({ length: 150 }, (_, i) => `Person ${i + 1}`);
  const milestones: MilestoneId[] = [];
  for (let i = 0; i < MILESTONES; i++) {
    const m = addMilestone(doc, origin, { title: `Milestone ${i + 1}`, date: addCalendarDays(start, 28 + i * 7), kind: i % 4 ? "deadline" : "release" });
    if (m.ok) milestones.push(m.value);
  }
  // Links first (each item waits on up to three of the 40 before it), then dates that honour them.
  const preds: number[][] = Array.from({ length: ITEMS }, () => []);
  let linkCount = 0;
  while (linkCount < DEPENDENCIES) {
    const to = 1 + Math.floor(rand() * (ITEMS - 1));
    const from = Math.max(0, to - 1 - Math.floor(rand() * 40));
    if (preds[to]!.includes(from) || preds[to]!.length >= 3) continue;
    preds[to]!.push(from);
    linkCount++;
  }
  /** Calendar-day offsets from the horizon's Monday of each item's last working day. */
  const finishDay: number[] = [];
  const items: ItemId[] = [];
  for (let batch = 0; batch < ITEMS; batch += 200) {
    doc.transact(() => {
      for (let i = batch; i < Math.min(ITEMS, batch + 200); i++) {
        const duration = 1 + Math.floor(rand() * 10);
        const earliest = Math.max(Math.floor((i / ITEMS) * 200), ...preds[i]!.map((p) => finishDay[p]! + 1));
        const sloppy = rand() < 0.05 ? -3 : 0;
        let day = earliest + sloppy;
        while (day % 7 >= 5) day++; // offset 0 is a Monday: skip Saturday and Sunday
        let finish = day;
        for (let left = duration - 1; left > 0; ) if (++finish % 7 < 5) left--;
        finishDay[i] = finish;
        const pinned = preds[i]!.length === 0 || rand() < 0.6;
        const created = createItem(doc, origin, {
          title: `Work package ${i + 1}`,
          laneId: pick(lanes),
          phaseId: phases[Math.min(phases.length - 1, Math.floor((i / ITEMS) * phases.length))]!,
          start: pinned ? addCalendarDays(start, day) : null,
          duration,
          effort: 1,
          owners: [pick(owners)],
          deadlineMilestoneId: rand() < 0.05 ? pick(milestones) : null,
        });
        if (created.ok) items.push(created.value);
      }
    }, origin);
  }
  doc.transact(() => {
    preds.forEach((list, to) => {
      for (const from of list) addDependency(doc, origin, { fromId: items[from]!, toId: items[to]!, lag: 0 });
    });
  }, origin);
  return items;
}
