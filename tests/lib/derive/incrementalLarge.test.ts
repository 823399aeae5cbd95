import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { BoardDeriver, deriveBoard } from "../../../lib/derive/deriveBoard";
import { addCalendarDays, date, type DateString } from "../../../lib/model/dates";
import type { ItemId } from "../../../lib/model/ids";
import { updateItem } from "../../../lib/model/itemCommands";
import { updateLane } from "../../../lib/model/laneCommands";
import { LiveSnapshot } from "../../../lib/model/liveSnapshot";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { generateBoard } from "../../../scripts/bench/generateBoard";
import { rng, type Rng } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";

const OPTIONS = { today: date("2027-06-01") };
const SIZE = { items: 900, dependencies: 1_400, lanes: 6, milestones: 40 };

/**
 * The edits a live board sees most, on a generated board big enough for long chains, shared
 * owners and overloaded lanes: they take the incremental paths (passes that visit only what an
 * edit reaches, conflicts judged again only for changed items, links, lanes and people).
 */
function itemEdit(doc: Y.Doc, itemIds: readonly string[], r: Rng, i: number) {
  const origin = createOrigin("local", "edits");
  const id = r.pick(itemIds) as ItemId;
  const snapshot = readSnapshot(doc);
  const item = snapshot.items.find((it) => it.id === id)!;
  const someDay = (): DateString => addCalendarDays(date("2027-01-04"), r.int(900));
  const patches = [
    () => ({ start: item.start ? addCalendarDays(item.start, r.int(9) - 4) : someDay() }),
    () => ({ duration: 1 + r.int(12) }),
    () => ({ start: null }),
    () => ({ effort: r.int(4) * 0.5 }),
    () => ({ owners: r.chance(0.5) ? [`Person ${r.int(40)}`] : [`person ${r.int(40)}`, ` Person  ${r.int(40)}`] }),
    () => ({ status: r.pick(["planned", "done", "in_progress"] as const) }),
    () => ({ priority: r.pick(["must", "wont"] as const) }),
    () => ({ title: `Renamed ${i}` }),
    () => ({ laneId: r.pick(snapshot.lanes).id }),
    () => ({ phaseId: r.chance(0.8) ? r.pick(snapshot.phases).id : null }),
    () => ({ deadlineMilestoneId: r.chance(0.8) ? r.pick(snapshot.milestones).id : null }),
  ];
  const result = updateItem(doc, origin, id, r.pick(patches)());
  if (!result.ok) throw new Error(result.error);
}

describe("incremental derivation on a large generated board", () => {
  it.each([1, 2, 3])("BoardDeriver equals deriveBoard after every edit (seed %i)", (seed) => {
    const { doc: source, itemIds } = generateBoard(seed, SIZE);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    const r = rng(seed);
    // Tight lanes: overloads everywhere, so a moved item changes some.
    for (const lane of readSnapshot(doc).lanes) updateLane(doc, createOrigin("local", "setup"), lane.id, { capacity: 1 + r.int(3) });
    const live = new LiveSnapshot(doc);
    const deriver = new BoardDeriver();
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 80; step++) {
      // Mostly one-item edits; now and then anything (links, lanes, milestones, junk).
      if (r.chance(0.8)) itemEdit(doc, itemIds, r, step);
      else runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      const derived = deriver.derive(live.snapshot, OPTIONS);
      expect(JSON.stringify(derived), `seed ${seed}, step ${step}`).toBe(JSON.stringify(deriveBoard(readSnapshot(doc), OPTIONS)));
    }
    live.destroy();
  });
});
