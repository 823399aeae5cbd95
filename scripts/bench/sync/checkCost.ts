/**
 * What the layout check of a client update costs (docs/document-rules.md), per update, beside
 * what applying the same update costs: the bench scenarios' edits (a rename of one's own item)
 * and a move, on a 300-item board and on the 10,000-item benchmark board. Run by bench:sync;
 * `npx tsx scripts/bench/sync/checkCost.ts` prints it alone.
 */
import * as Y from "yjs";
import type { ItemId } from "../../../lib/model/ids";
import { date } from "../../../lib/model/dates";
import { updateItem } from "../../../lib/model/itemCommands";
import { createOrigin } from "../../../lib/model/origin";
import { checkUpdate } from "../../../server/sync/updateGuard";
import { BENCH_SIZE, generateBoard, prng } from "../generateBoard";

export interface CheckCost {
  board: string;
  edit: string;
  /** Microseconds per update, median over the sample. */
  checkUs: number;
  applyUs: number;
}

const SAMPLE = 2_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(board: string, items: number, edit: "rename" | "move"): CheckCost {
  const { doc, itemIds } = generateBoard(7, { ...BENCH_SIZE, items, dependencies: Math.floor(items * 1.5) });
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  const r = prng(11);
  const origin = createOrigin("local", "bench");
  const checks: number[] = [];
  const applies: number[] = [];
  for (let i = 0; i < SAMPLE; i++) {
    const before = Y.encodeStateVector(doc);
    const id = itemIds[r.int(itemIds.length)]! as ItemId;
    if (edit === "rename") updateItem(doc, origin, id, { title: `Renamed ${i}` });
    else updateItem(doc, origin, id, { start: date(`2027-0${1 + r.int(9)}-1${r.int(10)}`), duration: 1 + r.int(20) });
    const update = Y.encodeStateAsUpdate(doc, before);
    // Timed as the room runs it: decoding is shared with the emptiness test that ran before.
    const decoded = Y.decodeUpdate(update);
    let t = performance.now();
    const verdict = checkUpdate(server, decoded);
    checks.push(performance.now() - t);
    if (verdict.kind !== "ok") throw new Error(`a command's update was not accepted: ${JSON.stringify(verdict)}`);
    t = performance.now();
    Y.applyUpdate(server, update);
    applies.push(performance.now() - t);
  }
  return { board, edit, checkUs: median(checks) * 1000, applyUs: median(applies) * 1000 };
}

export function measureCheckCost(): CheckCost[] {
  return [measure("300 items", 300, "rename"), measure("300 items", 300, "move"), measure("10,000 items", 10_000, "rename"), measure("10,000 items", 10_000, "move")];
}

export function checkCostLines(costs: CheckCost[]): string[] {
  return costs.map(
    (c) => `Layout check, ${c.board}, ${c.edit}: ${c.checkUs.toFixed(1)} µs per update (median of ${SAMPLE}), beside ${c.applyUs.toFixed(1)} µs to apply it.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of checkCostLines(measureCheckCost())) console.log(line);
}
