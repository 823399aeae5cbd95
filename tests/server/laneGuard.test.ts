import { beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { ItemId, LaneId } from "../../lib/model/ids";
import { addDependency, removeDependency } from "../../lib/model/dependencyCommands";
import { ensureItemDescription } from "../../lib/model/descriptionCommands";
import { createItem, deleteItem, moveItem, updateItem } from "../../lib/model/itemCommands";
import { addLane, updateLane } from "../../lib/model/laneCommands";
import { addMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin } from "../../lib/model/origin";
import { laneRefusal } from "../../server/sync/laneGuard";
import { checkUpdate } from "../../server/sync/updateGuard";

/**
 * The socket's lane check (docs/teams.md "On the socket"): a server document and an editor's
 * replica of it; each edit the editor makes is encoded as the update their client would send,
 * and checked against the server's document, where "Platform" is a lane owned by another team.
 */
const origin = createOrigin("local", "editor");
let server: Y.Doc;
let editor: Y.Doc;
let mine: LaneId;
let theirs: LaneId;
let myItem: ItemId;
let theirItem: ItemId;

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

beforeEach(() => {
  server = new Y.Doc();
  mine = value(addLane(server, origin, { name: "Service design" }));
  theirs = value(addLane(server, origin, { name: "Platform" }));
  myItem = value(createItem(server, origin, { title: "Journey map", laneId: mine, start: "2030-01-07", duration: 5 }));
  theirItem = value(createItem(server, origin, { title: "API gateway", laneId: theirs, start: "2030-01-07", duration: 5 }));
  editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
});

/** What the editor's client would send for `edit`, checked against the server's document. */
function check(edit: (doc: Y.Doc) => void): string | null {
  // What y-websocket sends: each transaction's own update (its deletions only).
  const sent: Uint8Array[] = [];
  const listen = (update: Uint8Array) => sent.push(update);
  editor.on("update", listen);
  edit(editor);
  editor.off("update", listen);
  expect(sent.length).toBeGreaterThan(0);
  return laneRefusal(server, Y.decodeUpdate(Y.mergeUpdates(sent)), (lane) => lane !== theirs);
}

describe("an editor who does not own the Platform lane, on a board that asks them to propose", () => {
  it("edits their own lane's items freely: fields, dates, descriptions, new items, deletions", () => {
    expect(check((d) => updateItem(d, origin, myItem, { title: "Journey map v2" }))).toBeNull();
    expect(check((d) => moveItem(d, origin, myItem, { start: "2030-02-04" }))).toBeNull();
    expect(check((d) => createItem(d, origin, { title: "New", laneId: mine }))).toBeNull();
    expect(check((d) => createItem(d, origin, { title: "Laneless", laneId: null }))).toBeNull();
    expect(check((d) => deleteItem(d, origin, myItem))).toBeNull();
  });

  it("is refused any change to an item in the owned lane, naming the lane", () => {
    expect(check((d) => updateItem(d, origin, theirItem, { title: "Renamed" }))).toMatch(/lane owned by others: "Platform"/);
    expect(check((d) => updateItem(d, origin, theirItem, { duration: 9 }))).not.toBeNull();
  });

  it("is refused writing into the description of an item in the owned lane", () => {
    // The fragment exists on both sides first (as after anyone's first edit of it).
    const fragment = value(ensureItemDescription(server, origin, theirItem));
    fragment.insert(0, [new Y.XmlElement("paragraph")]);
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server, Y.encodeStateVector(editor)));
    const reason = check((d) => {
      const f = (d.getMap("items").get(theirItem) as Y.Map<unknown>).get("description") as Y.XmlFragment;
      (f.get(0) as Y.XmlElement).insert(0, [new Y.XmlText("sneaky")]);
    });
    expect(reason).toMatch(/Platform/);
  });

  it("may not move work into the owned lane, nor take work out of it", () => {
    expect(check((d) => moveItem(d, origin, myItem, { start: "2030-01-07", laneId: theirs }))).toMatch(/Platform/);
  });

  it("may not take work out of the owned lane", () => {
    expect(check((d) => moveItem(d, origin, theirItem, { start: "2030-01-07", laneId: mine }))).toMatch(/Platform/);
  });

  it("may not create an item in the owned lane", () => {
    expect(check((d) => createItem(d, origin, { title: "Dumped on them", laneId: theirs }))).toMatch(/Platform/);
  });

  it("may not delete an item of the owned lane (a deletion carries no structs, only a delete set)", () => {
    expect(check((d) => deleteItem(d, origin, theirItem))).toMatch(/Platform/);
  });

  it("may not rename the owned lane itself, but may add lanes of their own", () => {
    expect(check((d) => updateLane(d, origin, theirs, { name: "Ours now" }))).toMatch(/Platform/);
    expect(check((d) => addLane(d, origin, { name: "Another team" }))).toBeNull();
  });

  it("a dependency counts as its successor's: waiting on the other team is theirs to ask, making them wait is not", () => {
    expect(check((d) => addDependency(d, origin, { fromId: theirItem, toId: myItem, lag: 0 }))).toBeNull();
  });

  it("may not make the other team's item wait on theirs", () => {
    expect(check((d) => addDependency(d, origin, { fromId: myItem, toId: theirItem, lag: 0 }))).toMatch(/Platform/);
  });

  it("may not remove a dependency that holds the other team's item back", () => {
    const dep = value(addDependency(server, origin, { fromId: myItem, toId: theirItem, lag: 0 }));
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server, Y.encodeStateVector(editor)));
    expect(check((d) => removeDependency(d, origin, dep))).toMatch(/Platform/);
  });

  it("milestones, phases and board settings belong to no lane", () => {
    expect(check((d) => addMilestone(d, origin, { title: "Go-live", date: "2030-03-01", kind: "go_live" }))).toBeNull();
  });

  it("one refused change refuses the whole update, whatever else it holds", () => {
    expect(
      check((d) =>
        d.transact(() => {
          updateItem(d, origin, myItem, { title: "Fine" });
          updateItem(d, origin, theirItem, { title: "Not fine" });
        }),
      ),
    ).toMatch(/Platform/);
  });

  /** A record replaced whole: the new map's item names the old one as its origin, so its parent is not in the update. */
  function replaceRecord(d: Y.Doc, root: string, id: string, change: Record<string, unknown>) {
    const old = d.getMap<Y.Map<unknown>>(root).get(id)!;
    const copy = new Y.Map<unknown>();
    for (const [key, field] of old) if (!(field instanceof Y.AbstractType)) copy.set(key, field);
    for (const [key, field] of Object.entries(change)) copy.set(key, field);
    d.getMap(root).set(id, copy);
  }

  it("may not move work into the owned lane by replacing the item's record whole", () => {
    const reason = check((d) => replaceRecord(d, "items", myItem, { laneId: theirs }));
    expect(reason).toMatch(/Platform/);
  });

  it("may not point a dependency at the other team's item by replacing the dependency's record whole", () => {
    const other = value(createItem(server, origin, { title: "Mine too", laneId: mine, start: "2030-01-07", duration: 5 }));
    const dep = value(addDependency(server, origin, { fromId: myItem, toId: other, lag: 0 }));
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server, Y.encodeStateVector(editor)));
    expect(check((d) => replaceRecord(d, "dependencies", dep, { toId: theirItem }))).toMatch(/Platform/);
  });

  it("the layout check lets such a replacement through, so the lane check is what stops it", () => {
    const sent: Uint8Array[] = [];
    editor.on("update", (u: Uint8Array) => sent.push(u));
    replaceRecord(editor, "items", myItem, { laneId: theirs });
    expect(checkUpdate(server, Y.decodeUpdate(Y.mergeUpdates(sent))).kind).not.toBe("refused");
  });
});
