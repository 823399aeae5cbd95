import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildDemoBoard } from "../../lib/model/demoBoard";
import { date } from "../../lib/model/dates";
import { createOrigin } from "../../lib/model/origin";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { ensureItemDescription } from "../../lib/model/descriptionCommands";
import { MAX_RICH_DEPTH } from "../../lib/model/docRules";
import { checkUpdate } from "../../server/sync/updateGuard";
import type { ItemId } from "../../lib/model/ids";

const origin = createOrigin("local", "test");

function verdict(doc: Y.Doc, update: Uint8Array) {
  return checkUpdate(doc, Y.decodeUpdate(update));
}

/** The update a change to `client` makes, as the server would receive it. */
function changeOf(client: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  change();
  return Y.encodeStateAsUpdate(client, before);
}

function demo(): { doc: Y.Doc; item: ItemId } {
  const doc = new Y.Doc();
  buildDemoBoard(doc, origin, date("2027-01-04"));
  const created = createItem(doc, origin, { title: "Guarded" });
  if (!created.ok) throw new Error(created.error);
  return { doc, item: created.value };
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe("the update guard accepts what Waymark's own commands write", () => {
  it("a whole demo board, description included, against an empty server document", () => {
    const { doc, item } = demo();
    const fragment = ensureItemDescription(doc, origin, item);
    if (!fragment.ok) throw new Error(fragment.error);
    doc.transact(() => {
      const list = new Y.XmlElement("bulletList");
      const li = new Y.XmlElement("listItem");
      const p = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      p.insert(0, [text]);
      li.insert(0, [p]);
      list.insert(0, [li]);
      fragment.value.insert(0, [list]);
      text.insert(0, "hello", { bold: true });
      p.setAttribute("textAlign", "left");
    });
    expect(verdict(new Y.Doc(), Y.encodeStateAsUpdate(doc))).toEqual({ kind: "ok" });
  });

  it("incremental edits of a replica: field overwrites, typing, deletes", () => {
    const { doc, item } = demo();
    const server = replicaOf(doc);
    const client = replicaOf(doc);
    for (const change of [
      () => updateItem(client, origin, item, { title: "Renamed" }),
      () => updateItem(client, origin, item, { duration: 9, start: date("2027-03-01") }),
      () => ensureItemDescription(client, origin, item),
    ]) {
      const update = changeOf(client, change);
      expect(verdict(server, update)).toEqual({ kind: "ok" });
      Y.applyUpdate(server, update);
    }
  });
});

describe("the update guard refuses what the layout does not allow", () => {
  const cases: [string, (doc: Y.Doc, item: Y.Map<unknown>) => void, RegExp][] = [
    ["a map nested 3,000 deep in an item", (_d, item) => {
      // Built level by level: a nested preliminary map that deep overflows Yjs's own integration.
      let map = new Y.Map<unknown>();
      item.set("title", map);
      for (let i = 0; i < 3000; i++) {
        const next = new Y.Map<unknown>();
        map.set("x", next);
        map = next;
      }
    }, /items field title must hold a plain value/],
    ["a shared type where a string belongs", (_d, item) => item.set("title", new Y.Text("x")), /plain value/],
    ["a number where a string belongs", (_d, item) => item.set("title", 42), /items field title/],
    ["a title over its limit", (_d, item) => item.set("title", "x".repeat(501)), /items field title/],
    ["a field the layout does not have", (_d, item) => item.set("evil", "x"), /not a field/],
    ["a board title of 5 MB", (doc) => doc.getMap("board").set("title", "x".repeat(5_000_000)), /board.title/],
    ["a root the layout does not have", (doc) => doc.getMap("junk").set("a", 1), /not a part of the board's layout/],
    ["a record that is not a map", (doc) => doc.getMap("items").set("i_abcdefghijkl", "string"), /must be a record/],
    ["a list pushed into the board map", (doc) => doc.getArray("board").push([1]), /not a list/],
    ["a sub-document", (_d, item) => item.set("title", new Y.Doc()), /plain value/],
  ];
  for (const [name, attack, reason] of cases) {
    it(name, () => {
      const { doc, item } = demo();
      const server = replicaOf(doc);
      const client = replicaOf(doc);
      const update = changeOf(client, () => attack(client, client.getMap("items").get(item) as Y.Map<unknown>));
      const result = verdict(server, update);
      expect(result.kind).toBe("refused");
      expect(result.kind === "refused" && result.reason).toMatch(reason);
    });
  }

  it("a description nested deeper than the bound, but not one level less", () => {
    const { doc, item } = demo();
    const fragment = ensureItemDescription(doc, origin, item);
    if (!fragment.ok) throw new Error(fragment.error);
    const server = replicaOf(doc);
    const nest = (levels: number) => {
      const client = replicaOf(doc);
      const frag = (client.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment;
      return changeOf(client, () => {
        let parent: Y.XmlFragment = frag;
        for (let i = 0; i < levels; i++) {
          const el = new Y.XmlElement("blockquote");
          parent.insert(0, [el]);
          parent = el;
        }
      });
    };
    expect(verdict(server, nest(MAX_RICH_DEPTH - 1))).toEqual({ kind: "ok" });
    expect(verdict(server, nest(MAX_RICH_DEPTH)).kind).toBe("refused");
  });
});

describe("the update guard finds updates that build on content the server lacks", () => {
  it("an edit made after offline edits the server has not received yet", () => {
    const { doc, item } = demo();
    const server = replicaOf(doc);
    const client = replicaOf(doc);
    changeOf(client, () => updateItem(client, origin, item, { title: "offline" }));
    const later = changeOf(client, () => updateItem(client, origin, item, { duration: 4 }));
    const result = verdict(server, later);
    expect(result.kind).toBe("missing");
  });

  it("a delete of content the server never had", () => {
    const { doc } = demo();
    const server = replicaOf(doc);
    const stranger = new Y.Doc();
    stranger.getMap("board").set("title", "x");
    const deletion = changeOf(stranger, () => stranger.getMap("board").delete("title"));
    // Only the delete set, naming a struct the server never saw.
    const onlyDeletes = Y.diffUpdate(deletion, Y.encodeStateVector(stranger));
    expect(verdict(server, onlyDeletes).kind).toBe("missing");
  });
});
