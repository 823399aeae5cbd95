import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { BoardLayouter, layoutBoard, type BoardLayout } from "../../../lib/derive/boardLayout";
import { BoardDeriver, deriveBoard } from "../../../lib/derive/deriveBoard";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { LiveSnapshot } from "../../../lib/model/liveSnapshot";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { newDoc } from "../helpers/docs";
import { setup } from "../helpers/fixtures";
import { SimNetwork } from "../helpers/network";
import { rng } from "../helpers/prng";
import { runRandomCommand } from "../helpers/randomCommands";

const OPTIONS = { today: date("2027-03-01") };
const layoutJson = (layout: BoardLayout) => JSON.stringify({ ...layout, spans: [...layout.spans], laneRows: [...layout.laneRows] });
const freshJson = (doc: Y.Doc) => JSON.stringify(deriveBoard(readSnapshot(doc), OPTIONS));

/** A replica as the app runs it: a live snapshot, one deriver and one layouter per board. */
function replica(doc: Y.Doc) {
  const live = new LiveSnapshot(doc);
  const deriver = new BoardDeriver();
  const layouter = new BoardLayouter();
  return {
    doc,
    derive() {
      const snapshot = live.snapshot;
      const derived = deriver.derive(snapshot, OPTIONS);
      return { derived, layout: layouter.layout(snapshot, derived.schedule, derived.phaseSpans), snapshot };
    },
  };
}

function demo(clientID: number) {
  const doc = newDoc(clientID);
  buildDemoBoard(doc, setup, date("2027-01-04"));
  return doc;
}

describe("incremental derivation equals a full one", () => {
  it.each([1, 2, 3, 4, 5, 6])("after every random command, BoardDeriver and BoardLayouter match deriveBoard and layoutBoard (seed %i)", (seed) => {
    const doc = demo(1);
    const app = replica(doc);
    const r = rng(seed);
    const origin = createOrigin("local", "fuzz");
    for (let step = 0; step < 120; step++) {
      const { name } = runRandomCommand(doc, origin, rng(r.int(2 ** 31)));
      if (!r.chance(0.6)) continue; // sometimes several edits between derivations
      const { derived, layout, snapshot } = app.derive();
      const label = `seed ${seed}, step ${step} (${name})`;
      expect(JSON.stringify(derived), label).toBe(freshJson(doc));
      expect(layoutJson(layout), label).toBe(layoutJson(layoutBoard(readSnapshot(doc))));
      expect(JSON.stringify(snapshot)).toBe(JSON.stringify(readSnapshot(doc)));
    }
  });
});

describe("replicas derive identical output", () => {
  it.each([21, 22, 23, 24])(
    "three replicas that applied the same concurrent edits in different orders derive the same board, incrementally and from scratch (seed %i)",
    (seed) => {
      const docs = [demo(1), newDoc(2), newDoc(3)];
      const initial = Y.encodeStateAsUpdate(docs[0]!);
      for (const doc of docs.slice(1)) Y.applyUpdate(doc, initial);
      const apps = docs.map(replica);
      const net = new SimNetwork(docs);
      const r = rng(seed);
      const origins = docs.map((_, i) => createOrigin("local", `user${i}`));
      for (let step = 0; step < 120; step++) {
        const roll = r.next();
        const i = r.int(docs.length);
        if (roll < 0.55) runRandomCommand(docs[i]!, origins[i]!, rng(r.int(2 ** 31)));
        else if (roll < 0.9) net.deliver(rng(r.int(2 ** 31)), 1 + r.int(4));
        else apps[i]!.derive(); // derive mid-way, so each replica's caches see a different history
      }
      net.settle(rng(seed + 1));
      const outputs = apps.map((app) => {
        const { derived, layout } = app.derive();
        return JSON.stringify(derived) + layoutJson(layout);
      });
      expect(outputs[1]).toBe(outputs[0]);
      expect(outputs[2]).toBe(outputs[0]);
      expect(JSON.stringify(apps[0]!.derive().derived)).toBe(freshJson(docs[2]!));
    },
  );
});
