import * as Y from "yjs";
import { expect } from "vitest";
import { layoutBoard } from "../../../lib/derive/boardLayout";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { BOARD_MAP, COLLECTIONS } from "../../../lib/model/docLayout";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { initBoardFromTemplate } from "../../../lib/model/template";
import { setup } from "./fixtures";
import { SimNetwork } from "./network";
import { rng, type Rng } from "./prng";
import { runRandomCommand } from "./randomCommands";

/** One step of a scenario. Parameters of an edit come from its own seed, so steps shrink independently. */
export type Step =
  | { kind: "edit"; replica: number; seed: number }
  | { kind: "deliver"; seed: number; count: number }
  | { kind: "toggle"; replica: number; loseInFlight: boolean };

export interface ScenarioReport {
  outcomes: Map<string, { ok: number; refused: number; skipped: number }>;
  problems: number;
  items: number;
  delivered: number;
  handshakes: number;
  disconnects: number;
}

/** Random steps: mostly edits and deliveries, with a disconnect or reconnect now and then. */
export function randomSteps(r: Rng, count: number, replicas: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    if (roll < 0.6) steps.push({ kind: "edit", replica: r.int(replicas), seed: r.int(2 ** 31) });
    else if (roll < 0.9) steps.push({ kind: "deliver", seed: r.int(2 ** 31), count: 1 + r.int(4) });
    else steps.push({ kind: "toggle", replica: r.int(replicas), loseInFlight: r.chance(0.4) });
  }
  return steps;
}

/** Replicas 1..n of one board, seeded from the template (or the demo board) and in sync. */
function startReplicas(count: number, demo: boolean): Y.Doc[] {
  const docs = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
  if (demo) buildDemoBoard(docs[0]!, setup, date("2027-01-04"));
  else initBoardFromTemplate(docs[0]!, setup, { title: "Fuzz", horizonStart: date("2027-01-04"), horizonEnd: date("2027-12-31") });
  const initial = Y.encodeStateAsUpdate(docs[0]!);
  for (const doc of docs.slice(1)) Y.applyUpdate(doc, initial);
  return docs;
}

/** Runs the steps on `count` replicas, settles the network, and asserts the replicas converged. */
export function runScenario(count: number, steps: readonly Step[], options: { demo: boolean; label: string }): ScenarioReport {
  const docs = startReplicas(count, options.demo);
  const origins = docs.map((_, i) => createOrigin("local", `user${i}`));
  const net = new SimNetwork(docs);
  const report: ScenarioReport = { outcomes: new Map(), problems: 0, items: 0, delivered: 0, handshakes: 0, disconnects: 0 };
  const log: string[] = [];
  steps.forEach((step, index) => {
    try {
      if (step.kind === "edit") {
        const replica = step.replica % count;
        const { name, outcome } = runRandomCommand(docs[replica]!, origins[replica]!, rng(step.seed));
        log.push(`${index}: replica ${replica} ${name} -> ${outcome}`);
        const tally = report.outcomes.get(name) ?? { ok: 0, refused: 0, skipped: 0 };
        tally[outcome]++;
        report.outcomes.set(name, tally);
        readSnapshot(docs[replica]!);
      } else if (step.kind === "deliver") {
        net.deliver(rng(step.seed), step.count);
      } else {
        const replica = step.replica % count;
        if (net.online[replica]) {
          net.disconnect(replica, step.loseInFlight);
          report.disconnects++;
        } else net.reconnect(replica);
        log.push(`${index}: replica ${replica} ${net.online[replica] ? "reconnects" : "disconnects"}`);
      }
    } catch (error) {
      throw new Error(`${options.label}: step ${index} threw: ${String(error)}\nlast steps:\n${log.slice(-8).join("\n")}`, { cause: error });
    }
  });
  net.settle(rng(steps.length + 1));
  expectConverged(docs, options.label);
  const final = readSnapshot(docs[0]!);
  return { ...report, problems: final.problems.length, items: final.items.length, delivered: net.delivered, handshakes: net.handshakes };
}

/** JSON with object keys sorted, so Y.Map insertion order (which differs per replica) does not matter. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function layoutJson(doc: Y.Doc): string {
  const layout = layoutBoard(readSnapshot(doc));
  return JSON.stringify({ ...layout, spans: [...layout.spans], laneRows: [...layout.laneRows] });
}

function fullContent(doc: Y.Doc): string {
  return stableStringify([BOARD_MAP, ...COLLECTIONS].map((name) => doc.getMap(name).toJSON()));
}

/**
 * Every replica holds the same state: equal state vectors, byte-identical snapshot JSON (also
 * when re-read from its encoded state), equal layout and equal raw content, descriptions included.
 */
export function expectConverged(docs: Y.Doc[], label: string): void {
  const vectors = docs.map((doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]));
  const snapshots = docs.map((doc) => JSON.stringify(readSnapshot(doc)));
  const reloaded = docs.map((doc) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return JSON.stringify(readSnapshot(copy));
  });
  const layouts = docs.map(layoutJson);
  const contents = docs.map(fullContent);
  docs.forEach((_, i) => {
    expect(vectors[i], `${label}: state vector of replica ${i}`).toEqual(vectors[0]);
    expect(snapshots[i], `${label}: snapshot of replica ${i}`).toBe(snapshots[0]);
    expect(reloaded[i], `${label}: snapshot re-read from the encoded state of replica ${i}`).toBe(snapshots[0]);
    expect(layouts[i], `${label}: layout of replica ${i}`).toBe(layouts[0]);
    expect(contents[i], `${label}: raw content of replica ${i}`).toBe(contents[0]);
  });
}
