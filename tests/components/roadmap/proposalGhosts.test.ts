import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { makeCalendar } from "../../../lib/derive/calendar";
import { layoutBoard } from "../../../lib/derive/boardLayout";
import type { ItemId, LaneId } from "../../../lib/model/ids";
import { createItem, updateItem } from "../../../lib/model/itemCommands";
import { addLane } from "../../../lib/model/laneCommands";
import { createOrigin } from "../../../lib/model/origin";
import type { Result } from "../../../lib/model/result";
import { readSnapshot } from "../../../lib/model/snapshot";
import type { ProposalView } from "../../../lib/protocol/proposals";
import { proposalGhosts, PROPOSAL_GHOST_DROP } from "../../../components/proposals/proposalGhosts";
import { proposalLines } from "../../../components/proposals/proposalLines";
import { timelineGeometry } from "../../../components/roadmap/timeline/geometry";

const origin = createOrigin("local", "test");
const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const cal = makeCalendar({ workingDays: [1, 2, 3, 4, 5], holidays: [] });

function board() {
  const doc = new Y.Doc();
  const platform = value(addLane(doc, origin, { name: "Platform" })) as LaneId;
  const design = value(addLane(doc, origin, { name: "Design" })) as LaneId;
  const item = value(createItem(doc, origin, { title: "Gateway", laneId: platform, start: "2030-01-07", duration: 5 })) as ItemId;
  return { doc, platform, design, item };
}
function view(over: Partial<ProposalView> & Pick<ProposalView, "change" | "base">): ProposalView {
  return {
    id: "pr-1",
    boardId: "b1",
    laneId: "",
    itemId: null,
    reason: "why",
    authorId: "uBen",
    authorName: "Ben",
    createdAt: "",
    state: "open",
    stale: false,
    now: null,
    answer: null,
    counterOf: null,
    threadId: null,
    mayAnswer: false,
    ...over,
  };
}
function draw(doc: Y.Doc, proposals: ProposalView[]) {
  const snapshot = readSnapshot(doc);
  const geometry = timelineGeometry(snapshot, layoutBoard(snapshot), "weeks");
  return { snapshot, geometry, ghosts: proposalGhosts(geometry, cal, snapshot, proposals) };
}

describe("proposal ghosts", () => {
  it("a moved item's ghost sits at the proposed dates, just below its bar in the same lane", () => {
    const { doc, item } = board();
    const { geometry, ghosts } = draw(doc, [view({ change: { kind: "change", itemId: item, fields: { start: "2030-01-14" as never, duration: 3 } }, base: { exists: true, start: "2030-01-07", duration: 5 } })]);
    const bar = geometry.bars.get(item)!;
    expect(ghosts).toHaveLength(1);
    expect(ghosts[0]).toMatchObject({ start: "2030-01-14", finish: "2030-01-16", top: bar.top + PROPOSAL_GHOST_DROP, stale: false, authorName: "Ben" });
    expect(ghosts[0]!.left).toBe(bar.left + 7 * geometry.pxPerDay);
    expect(ghosts[0]!.width).toBe(3 * geometry.pxPerDay);
  });

  it("a move to another lane is drawn in that lane; a new item at its dates in its lane", () => {
    const { doc, item, design } = board();
    const { geometry, ghosts } = draw(doc, [
      view({ id: "pr-1", change: { kind: "change", itemId: item, fields: { laneId: design } }, base: { exists: true } }),
      view({ id: "pr-2", change: { kind: "create", laneId: design, item: { title: "Tokens", start: "2030-02-04" as never } }, base: { exists: false } }),
    ]);
    const band = geometry.bands.find((b) => b.id === design)!;
    expect(ghosts.map((g) => [g.proposalId, g.start, g.top >= band.top && g.top < band.top + band.height])).toEqual([
      ["pr-1", "2030-01-07", true],
      ["pr-2", "2030-02-04", true],
    ]);
  });

  it("is stale when the item changed on the page since, and the lines say before, now and proposed", () => {
    const { doc, item } = board();
    const p = view({ change: { kind: "change", itemId: item, fields: { start: "2030-01-14" as never } }, base: { exists: true, start: "2030-01-07" } });
    expect(draw(doc, [p]).ghosts[0]!.stale).toBe(false);
    value(updateItem(doc, origin, item, { start: "2030-01-09" }));
    const { ghosts, snapshot } = draw(doc, [p]);
    expect(ghosts[0]!.stale).toBe(true);
    const [line] = proposalLines(p, snapshot);
    expect(line).toMatchObject({ field: "start" });
    expect([line!.before, line!.now, line!.proposed].every((w) => /2030|Jan/.test(w))).toBe(true);
    expect(new Set([line!.before, line!.now, line!.proposed]).size).toBe(3);
  });
});
