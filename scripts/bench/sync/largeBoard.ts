/**
 * Scenario 4's board: the 10,000-item benchmark board of `bench:derive` (generateBoard) with
 * 100,000 edits of history on top, made by twenty people (each its own Yjs client id) moving,
 * resizing, renaming and re-statusing random items. Deterministic for a seed, so the Waymark
 * child and the reference seeder build byte-identical content independently.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import * as Y from "yjs";
import { addCalendarDays, date } from "../../../lib/model/dates";
import { recordMap } from "../../../lib/model/docLayout";
import { ITEM_STATUSES } from "../../../lib/model/schemas";
import { generateBoard, prng } from "../generateBoard";

export const LARGE_BOARD_EDITS = 100_000;
/** Waymark folds its log into a snapshot every 500 rows (WAYMARK_COMPACT_THRESHOLD); the worst case to load is one short of that. */
export const LARGE_BOARD_TAIL = 499;
const PEOPLE = 20;

export interface LargeBoard {
  /** The board after all edits but the last LARGE_BOARD_TAIL, as one update. */
  state: Uint8Array;
  /** The last edits, one update each, in order. */
  tail: Uint8Array[];
  items: number;
}

/**
 * Hands a built board to another process through a file, so the server child does not build
 * it itself (building takes far more memory than holding it, and that would count as the
 * server's RSS).
 */
export function writeLargeBoard(board: LargeBoard, file: string): void {
  writeFileSync(file, serialize(board));
}

export function readLargeBoard(file: string): LargeBoard {
  return deserialize(readFileSync(file)) as LargeBoard;
}

export function buildLargeBoard(seed: number, edits = LARGE_BOARD_EDITS, tailLength = LARGE_BOARD_TAIL): LargeBoard {
  const { doc, itemIds } = generateBoard(seed);
  const r = prng(seed + 1);
  const start = date("2027-01-04");
  const tail: Uint8Array[] = [];
  let state: Uint8Array | null = null;
  const collect = (update: Uint8Array) => tail.push(update);
  for (let i = 0; i < edits; i++) {
    if (i === edits - tailLength) {
      state = Y.encodeStateAsUpdate(doc);
      doc.on("update", collect);
    }
    // Yjs numbers each client's operations by its own clock, so switching the id between
    // transactions is how one document records several people's history.
    doc.clientID = 100 + (i % PEOPLE);
    const item = recordMap(doc, "items", itemIds[r.int(itemIds.length)]!)!;
    const kind = r.int(10);
    doc.transact(() => {
      if (kind < 4) item.set("start", addCalendarDays(start, r.int(3 * 365)));
      else if (kind < 7) item.set("duration", 1 + r.int(20));
      else if (kind < 9) item.set("title", `Item ${r.int(1_000_000)}`);
      else item.set("status", ITEM_STATUSES[r.int(ITEM_STATUSES.length)]!);
    });
  }
  doc.off("update", collect);
  const result = { state: state ?? Y.encodeStateAsUpdate(doc), tail, items: itemIds.length };
  doc.destroy();
  return result;
}
