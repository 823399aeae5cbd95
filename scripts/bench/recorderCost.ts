/**
 * What recording history costs the room (server/sync/activityRecorder.ts): the recorder's
 * observer runs inside every applied update, so its cost is added to each edit. Measures, on a
 * 10,000-item board, 10,000 edits each to a different item (the worst case: every edit is a
 * new row waiting) with and without a recorder, the recorder's start on a loaded board, the
 * size of a typical row, and that a 200-frame drag is one row.
 * `npx tsx scripts/bench/recorderCost.ts`
 */
import * as Y from "yjs";
import type { BoardId, ItemId } from "../../lib/model/ids";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import type { Logger } from "../../server/log";
import type { ActivityRecord } from "../../server/storage/activityStore";
import { ActivityRecorder } from "../../server/sync/activityRecorder";
import type { Peer } from "../../server/sync/peer";

const ITEMS = 10_000;
const ROUNDS = 7;
const server = createOrigin("server", "bench");
const ana = createOrigin("remote", "ana");
const peer = {
  id: "ana",
  access: { principal: { kind: "user", userId: "uAna", name: "Ana", email: "" }, role: "editor", identity: { id: "", name: "Ana", color: "", readOnly: false, canComment: true } },
  send() {},
  close() {},
} as Peer;

function board(): { doc: Y.Doc; ids: ItemId[] } {
  const doc = new Y.Doc();
  const ids: ItemId[] = [];
  doc.transact(() => {
    for (let i = 0; i < ITEMS; i++) {
      const created = createItem(doc, server, { title: `Item ${i} with a title of usual length`, start: "2030-03-04", duration: 3 });
      if (created.ok) ids.push(created.value);
    }
  }, server);
  return { doc, ids };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function editAll(doc: Y.Doc, ids: readonly ItemId[], round: number): number {
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i++) updateItem(doc, ana, ids[i]!, { duration: 4 + ((i + round) % 5) });
  return performance.now() - t0;
}

const plain = board();
const recorded = board();
const rows: ActivityRecord[] = [];
const t0 = performance.now();
const recorder = new ActivityRecorder(recorded.doc, {
  boardId: "bBench" as BoardId,
  store: { appendActivity: async (records) => void rows.push(...records) },
  log: { error: (...args: unknown[]) => console.error(...args) } as unknown as Logger,
  peerOf: (origin) => (origin === ana ? peer : undefined),
});
const startMs = performance.now() - t0;

const without: number[] = [];
const withRecorder: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  without.push(editAll(plain.doc, plain.ids, round));
  withRecorder.push(editAll(recorded.doc, recorded.ids, round));
  await recorder.flush();
  if (round < ROUNDS - 1) rows.length = 0;
}
const sizes = rows.map((r) => JSON.stringify(r.fields).length + r.title.length + 80);
rows.length = 0;
for (let frame = 0; frame < 200; frame++) updateItem(recorded.doc, ana, recorded.ids[0]!, { start: `2030-04-${String(1 + (frame % 28)).padStart(2, "0")}` });
await recorder.close();

console.log(`recorder start on a ${ITEMS.toLocaleString("en")}-item board: ${startMs.toFixed(0)} ms`);
console.log(
  `${ITEMS.toLocaleString("en")} edits, each to another item (median of ${ROUNDS}): ${median(without).toFixed(0)} ms without a recorder, ` +
    `${median(withRecorder).toFixed(0)} ms with (${((median(withRecorder) - median(without)) * 1000 / ITEMS).toFixed(1)} µs an edit)`,
);
console.log(`row size (fields JSON, title and columns, bytes): median ${median(sizes)}, max ${Math.max(...sizes)}`);
console.log(`a 200-frame drag: ${rows.length} row, ${JSON.stringify(rows[0]?.fields)}`);
