import fc from "fast-check";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";
import { templateBoard } from "../helpers/fixtures";
import { rng, seedIdGenerator } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";

/**
 * Two snapshots of one board, as two versions are: the service-roadmap template, `first`
 * random commands of lib/model (every command, junk writes included), a snapshot, then
 * `more` commands and a second snapshot. The ids come from a seeded generator, so a failing
 * case replays.
 */
export interface BoardPair {
  before: BoardSnapshot;
  after: BoardSnapshot;
}

const origin = createOrigin("local", "history-test");

export function boardPair(seed: number, first: number, more: number): BoardPair {
  const restore = seedIdGenerator(seed);
  try {
    const { doc } = templateBoard(1);
    const r = rng(seed);
    for (let k = 0; k < first; k++) runRandomCommand(doc, origin, r);
    const before = readSnapshot(doc);
    for (let k = 0; k < more; k++) runRandomCommand(doc, origin, r);
    return { before, after: readSnapshot(doc) };
  } finally {
    restore();
  }
}

export const boardPairArb: fc.Arbitrary<BoardPair> = fc
  .record({ seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), first: fc.integer({ min: 0, max: 60 }), more: fc.integer({ min: 0, max: 25 }) })
  .map(({ seed, first, more }) => boardPair(seed, first, more));
