import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { itemDescription } from "../../../lib/model/docLayout";
import type { ItemId, LaneId, PhaseId } from "../../../lib/model/ids";
import { createItem, updateItem } from "../../../lib/model/itemCommands";
import { addLane } from "../../../lib/model/laneCommands";
import { createOrigin } from "../../../lib/model/origin";
import { addPhase } from "../../../lib/model/phaseCommands";
import { applyProposal, descriptionText, isStale, proposalBase } from "../../../lib/model/proposalCommands";
import type { Result } from "../../../lib/model/result";
import { readSnapshot } from "../../../lib/model/snapshot";

const origin = createOrigin("local", "test");
const server = createOrigin("server", "proposal:uAna:uBen");
const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

function board() {
  const doc = new Y.Doc();
  const lane = value(addLane(doc, origin, { name: "Platform" })) as LaneId;
  const other = value(addLane(doc, origin, { name: "Design" })) as LaneId;
  const phase = value(addPhase(doc, origin, { name: "Build" })) as PhaseId;
  const item = value(createItem(doc, origin, { title: "Gateway", laneId: lane, start: "2030-01-07", duration: 5 })) as ItemId;
  return { doc, lane, other, phase, item };
}

describe("proposal commands", () => {
  it("base holds the item's values for the fields proposed; a change to one of them makes it stale, others do not", () => {
    const { doc, item } = board();
    const change = { kind: "change" as const, itemId: item, fields: { start: "2030-01-14" as never, duration: 3 } };
    const base = proposalBase(doc, change);
    expect(base).toEqual({ exists: true, duration: 5, start: "2030-01-07" });
    value(updateItem(doc, origin, item, { status: "in_progress" }));
    expect(isStale(base, proposalBase(doc, change))).toBe(false);
    value(updateItem(doc, origin, item, { duration: 8 }));
    expect(isStale(base, proposalBase(doc, change))).toBe(true);
    expect(proposalBase(doc, { kind: "remove", itemId: "iGone" as ItemId })).toEqual({ exists: false });
  });

  it("accepting writes every field and the scope in ONE transaction with the given origin", () => {
    const { doc, item, other, phase } = board();
    const seen: unknown[] = [];
    doc.on("afterTransaction", (tr: Y.Transaction) => seen.push(tr.origin));
    const fields = { start: "2030-01-14" as never, duration: 3, laneId: other, phaseId: phase, title: "Gateway v2", scope: "Rate limits\nAudit log" };
    expect(value(applyProposal(doc, server, { kind: "change", itemId: item, fields }))).toBe(item);
    expect(seen).toEqual([server]);
    const after = readSnapshot(doc).items.find((i) => i.id === item)!;
    expect(after).toMatchObject({ start: "2030-01-14", duration: 3, laneId: other, phaseId: phase, title: "Gateway v2" });
    expect(descriptionText(itemDescription(doc, item))).toBe("Rate limits\nAudit log");
  });

  it("creates and removes items; refuses (writing nothing) when the item, lane or phase is gone", () => {
    const { doc, item, lane } = board();
    const created = value(applyProposal(doc, server, { kind: "create", laneId: lane, item: { title: "Cache", start: "2030-02-04" as never, duration: 2, scope: "Why" } }));
    expect(readSnapshot(doc).items.find((i) => i.id === created)).toMatchObject({ title: "Cache", laneId: lane });
    expect(descriptionText(itemDescription(doc, created))).toBe("Why");
    value(applyProposal(doc, server, { kind: "remove", itemId: item }));
    expect(readSnapshot(doc).items.map((i) => i.id)).toEqual([created]);
    const before = Y.encodeStateVector(doc);
    expect(applyProposal(doc, server, { kind: "remove", itemId: item }).ok).toBe(false);
    expect(applyProposal(doc, server, { kind: "change", itemId: created, fields: { phaseId: "pGone" as PhaseId } }).ok).toBe(false);
    expect(applyProposal(doc, server, { kind: "create", laneId: "lGone" as LaneId, item: { title: "X" } }).ok).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
