import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { linksOf } from "../../../lib/model/snapshotLinks";
import { setup } from "../helpers/fixtures";
import { rng } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";

const OPTIONS = { today: date("2027-03-01") };

describe("the link ends readSnapshot resolves", () => {
  it.each([1, 2, 3])("match the items by id, and derivation with them equals derivation without (seed %i)", (seed) => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 60; step++) {
      runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      const snapshot = readSnapshot(doc);
      const links = linksOf(snapshot)!;
      expect(links.items).toBe(snapshot.items);
      const position = new Map(snapshot.items.map((item, k) => [item.id as string, k]));
      snapshot.dependencies.forEach((dep, d) => {
        expect(links.from[d]).toBe(position.get(dep.fromId) ?? -1);
        expect(links.to[d]).toBe(position.get(dep.toId) ?? -1);
      });
      // A copy with its own arrays carries none: derivation resolves the ids itself.
      const copy = { ...snapshot, items: [...snapshot.items], dependencies: [...snapshot.dependencies] };
      expect(linksOf(copy)).toBeUndefined();
      expect(JSON.stringify(deriveBoard(copy, OPTIONS))).toBe(JSON.stringify(deriveBoard(snapshot, OPTIONS)));
    }
  });

  it("are invisible in the snapshot's JSON and do not follow it into a copy with other arrays", () => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, setup, date("2027-01-04"));
    const snapshot = readSnapshot(doc);
    expect(Object.keys(snapshot)).toEqual(["board", "lanes", "phases", "items", "dependencies", "milestones", "problems"]);
    expect(linksOf({ ...snapshot, items: snapshot.items.slice(1) })).toBeUndefined();
  });
});
