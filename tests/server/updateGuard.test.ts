import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildDemoBoard } from "../../lib/model/demoBoard";
import { date } from "../../lib/model/dates";
import { createOrigin } from "../../lib/model/origin";
import { createItem, updateItem } from "../../lib/model/itemCommands";
import { ensureItemDescription } from "../../lib/model/descriptionCommands";
import { MAX_RICH_CHILDREN, MAX_RICH_DEPTH } from "../../lib/model/docRules";
import { checkUpdate } from "../../server/sync/updateGuard";
import type { ItemId } from "../../lib/model/ids";
import { handUpdate, type HandStruct } from "../helpers/handUpdates";

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

/** Found by an attacker's pass over the guard: shapes no Yjs encoder writes. */
describe("the update guard refuses hand-made shapes that made Yjs throw, or apply something else than was checked", () => {
  const A = 900001;
  const B = 900002;

  it("an empty struct (Yjs threw mid-transaction, and the room failed at every resend)", () => {
    const update = handUpdate([{ client: A, clock: 0, structs: [{ parent: "board", sub: "title", content: { deleted: 0 } }] }]);
    expect(verdict(new Y.Doc(), update)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/empty/) });
  });

  it("a client listed twice: the guard would check one section and Yjs apply the other", () => {
    const chain: HandStruct[] = [{ parent: { client: A, clock: 0 }, sub: "title", content: { type: "map" } }];
    for (let i = 1; i < 50; i++) chain.push({ parent: { client: B, clock: i - 1 }, sub: "x", content: { type: "map" } });
    const update = handUpdate([
      { client: A, clock: 0, structs: [{ gc: 1 }] },
      { client: A, clock: 0, structs: [{ parent: "items", sub: "i_abcdefghijkl", content: { type: "map" } }] },
      { client: B, clock: 0, structs: chain },
    ]);
    expect(verdict(new Y.Doc(), update)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/overlap or go back/) });
  });

  it("a struct that continues a collected one (Yjs threw on the collected left neighbour)", () => {
    const server = new Y.Doc();
    Y.applyUpdate(server, handUpdate([{ client: A, clock: 0, structs: [{ gc: 1 }] }]));
    const update = handUpdate([{ client: A, clock: 0, structs: [{ parent: "board", sub: "title", content: { deleted: 2 } }] }]);
    expect(verdict(server, update)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/collected/) });
  });

  it("a struct that overlaps its client's last one but names another place (Yjs would link it there)", () => {
    const { doc, item } = demo();
    const server = replicaOf(doc);
    const fragment = ensureItemDescription(server, origin, item);
    if (!fragment.ok) throw new Error(fragment.error);
    const text = new Y.XmlText("hello");
    server.transact(() => fragment.value.insert(0, [text]));
    const title = server.getMap("board")._map.get("title")!;
    Y.applyUpdate(server, handUpdate([{ client: A, clock: 0, structs: [{ origin: title.lastId, content: { any: ["Board"] } }] }]));
    const elsewhere = handUpdate([{ client: A, clock: 0, structs: [{ parent: text._item!.id, content: { string: "Xevil" } }] }]);
    expect(verdict(server, elsewhere)).toMatchObject({ kind: "refused", reason: expect.stringMatching(/another place/) });
  });

  it("an honest overlap (a merged struct whose first part the server has) is accepted", () => {
    const { doc, item } = demo();
    ensureItemDescription(doc, origin, item);
    const server = replicaOf(doc);
    const client = replicaOf(doc);
    const text = new Y.XmlText();
    const frag = (client.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment;
    const start = Y.encodeStateVector(client);
    client.transact(() => frag.insert(0, [text]));
    text.insert(0, "he");
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, start));
    text.insert(2, "llo");
    // From before the first part: Yjs merged "he" and "llo" into one struct on the client.
    expect(verdict(server, Y.encodeStateAsUpdate(client, start))).toEqual({ kind: "ok" });
  });

  it("formatting keys and element names outside the description editor's schema (thousands of keys made one edit cost seconds)", () => {
    const { doc, item } = demo();
    ensureItemDescription(doc, origin, item);
    doc.transact(() => ((doc.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment).insert(0, [new Y.XmlText()]));
    const server = replicaOf(doc);
    /** The verdict on one change, made on a fresh replica of the server's board. */
    const attempt = (change: (frag: Y.XmlFragment, text: Y.XmlText) => void) => {
      const client = replicaOf(server);
      const frag = (client.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment;
      return verdict(server, changeOf(client, () => change(frag, frag.get(0) as Y.XmlText)));
    };
    expect(attempt((_f, text) => text.insert(0, "a", { bold: true, link: { href: "https://x.test" } }))).toEqual({ kind: "ok" });
    expect(attempt((frag) => frag.insert(0, [new Y.XmlElement("paragraph")]))).toEqual({ kind: "ok" });
    expect(attempt((_f, text) => text.insert(0, "a", { k1: 1 })).kind).toBe("refused");
    expect(attempt((frag) => frag.insert(0, [new Y.XmlElement("script")])).kind).toBe("refused");
  });

  it("a description with more children than the bound (each edit at the end walked them all)", () => {
    const { doc, item } = demo();
    ensureItemDescription(doc, origin, item);
    const server = replicaOf(doc);
    const fill = (count: number) => {
      const client = replicaOf(server);
      const frag = (client.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment;
      return changeOf(client, () => frag.insert(0, Array.from({ length: count }, () => new Y.XmlElement("paragraph"))));
    };
    expect(verdict(server, fill(MAX_RICH_CHILDREN))).toEqual({ kind: "ok" });
    expect(verdict(server, fill(MAX_RICH_CHILDREN + 1))).toMatchObject({ kind: "refused", reason: expect.stringMatching(/more than/) });
    Y.applyUpdate(server, fill(MAX_RICH_CHILDREN - 1));
    expect(verdict(server, fill(2)).kind).toBe("refused");
  });

  it("text typed into a paragraph someone else deleted is accepted (Yjs drops it); the typist is not cut off", () => {
    const { doc, item } = demo();
    const made = ensureItemDescription(doc, origin, item);
    if (!made.ok) throw new Error(made.error);
    doc.transact(() => made.value.insert(0, [new Y.XmlElement("paragraph")]));
    const server = replicaOf(doc);
    const bob = replicaOf(doc);
    const paragraph = ((bob.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment).get(0) as Y.XmlElement;
    const typed = changeOf(bob, () => paragraph.insert(0, [new Y.XmlText("bob typed this")]));
    ((server.getMap("items").get(item) as Y.Map<unknown>).get("description") as Y.XmlFragment).delete(0, 1);
    expect(verdict(server, typed)).toEqual({ kind: "ok" });
  });
});
