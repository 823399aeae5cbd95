import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { collection, itemDescription, newRecordMap } from "../../../lib/model/docLayout";
import { addDependency } from "../../../lib/model/dependencyCommands";
import { ensureItemDescription } from "../../../lib/model/descriptionCommands";
import type { ItemId } from "../../../lib/model/ids";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { exportBoardFile, findCycle, parseBoardFile, writeBoardFile } from "../../../lib/io/boardFile";

const origin = createOrigin("local", "test");
const today = date("2027-01-18");

function demo(): Y.Doc {
  const doc = new Y.Doc();
  buildDemoBoard(doc, origin, date("2027-01-04"));
  // A description with formatting, a list and a link, as the editor writes them.
  const first = readSnapshot(doc).items[0]!.id as ItemId;
  const fragment = ensureItemDescription(doc, origin, first);
  if (!fragment.ok) throw new Error(fragment.error);
  doc.transact(() => {
    const p = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    p.insert(0, [text]);
    const list = new Y.XmlElement("bulletList");
    const li = new Y.XmlElement("listItem");
    const lp = new Y.XmlElement("paragraph");
    lp.insert(0, [new Y.XmlText("First step")]);
    li.insert(0, [lp]);
    list.insert(0, [li]);
    const heading = new Y.XmlElement("heading");
    heading.setAttribute("level", 2 as unknown as string);
    heading.insert(0, [new Y.XmlText("Why")]);
    fragment.value.insert(0, [heading, p, list]);
    text.insert(0, "Bold start, then a link.");
    text.format(0, 4, { bold: true });
    text.format(17, 4, { link: { href: "https://example.org" } });
  }, origin);
  return doc;
}

/** Through JSON text, as a file travels. */
const roundTrip = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe("Waymark JSON", () => {
  it("export → import into a new board gives the same records, descriptions, schedule and conflicts", () => {
    const source = demo();
    const file = exportBoardFile(source, "2027-01-18T10:00:00.000Z");
    const parsed = parseBoardFile(roundTrip(file));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const copy = new Y.Doc();
    const summary = writeBoardFile(copy, origin, parsed.file, { mode: "new" });
    expect(summary.items).toBe(file.items.length);
    expect(readSnapshot(copy)).toEqual(readSnapshot(source));
    expect(JSON.stringify(deriveBoard(readSnapshot(copy), { today }))).toBe(JSON.stringify(deriveBoard(readSnapshot(source), { today })));
    const item = file.items[0]!.id;
    expect(itemDescription(copy, item)!.toString()).toBe(itemDescription(source, item)!.toString());
    expect(itemDescription(copy, item)!.toString()).toContain("<bold>Bold</bold>");
    expect(exportBoardFile(copy, "2027-01-18T10:00:00.000Z")).toEqual(file);
  });

  it("imported into an existing board: new ids, the board's lanes and phases reused by name, one transaction", () => {
    const source = demo();
    const file = parseBoardFile(roundTrip(exportBoardFile(source)));
    if (!file.ok) throw new Error(file.errors.join());
    const target = demo();
    const before = readSnapshot(target);
    let transactions = 0;
    target.on("afterTransaction", () => transactions++);
    const summary = writeBoardFile(target, origin, file.file, { mode: "into" });
    expect(transactions).toBe(1);
    const after = readSnapshot(target);
    expect(summary).toMatchObject({ lanes: 0, phases: 0, items: before.items.length });
    expect(after.items).toHaveLength(before.items.length * 2);
    expect(after.lanes).toEqual(before.lanes);
    expect(after.phases).toEqual(before.phases);
    expect(after.dependencies).toHaveLength(before.dependencies.length * 2);
    expect(after.problems).toEqual(before.problems);
    expect(after.board).toEqual(before.board);
  });

  it("refuses what is not a Waymark file, with the reasons, one per problem", () => {
    expect(parseBoardFile({ hello: "world" })).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.stringContaining("not a Waymark board file")]) });
    const file = roundTrip(exportBoardFile(demo())) as { items: { start: string | null; laneId: string | null }[]; version: number };
    file.items[2]!.start = "2027-02-31";
    file.items[3]!.laneId = "lNoSuchLane";
    const bad = parseBoardFile(file);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.some((e) => e.startsWith("item 3 (start)"))).toBe(true);
    const unknownLane = roundTrip(exportBoardFile(demo())) as typeof file;
    unknownLane.items[3]!.laneId = "lNoSuchLane";
    const lane = parseBoardFile(unknownLane);
    expect(lane).toMatchObject({ ok: false, errors: [expect.stringContaining("its lane lNoSuchLane is not in the file")] });
    expect(parseBoardFile({ ...file, version: 2 })).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.stringContaining("another version")]) });
  });

  it("refuses dependencies that go round in a circle, naming the items", () => {
    const doc = demo();
    const items = readSnapshot(doc).items;
    const deps = readSnapshot(doc).dependencies;
    // Close a loop, as two concurrent edits can (the command itself refuses one).
    const link = deps[0]!;
    expect(addDependency(doc, origin, { fromId: link.toId, toId: link.fromId, lag: 0 }).ok).toBe(false);
    doc.transact(() => collection(doc, "dependencies").set("dLoop", newRecordMap({ fromId: link.toId, toId: link.fromId, lag: 0 })));
    const result = parseBoardFile(roundTrip(exportBoardFile(doc)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const names = [link.fromId, link.toId].map((id) => items.find((i) => i.id === id)!.title);
    expect(result.errors.join()).toContain("go round in a circle");
    for (const name of names) expect(result.errors.join()).toContain(`"${name}"`);
  });

  it("finds a cycle in a 20,000-item chain without running out of stack", () => {
    const deps = Array.from({ length: 20_000 }, (_, i) => ({ fromId: `i${i}`, toId: `i${i + 1}` }));
    expect(findCycle(deps)).toBeNull();
    deps.push({ fromId: "i20000", toId: "i0" });
    expect(findCycle(deps)).toHaveLength(20_002);
  });

  it("refuses descriptions nested past the bound", () => {
    const file = roundTrip(exportBoardFile(demo())) as { items: { id: string }[]; descriptions: Record<string, unknown[]> };
    let node: Record<string, unknown> = { type: "text", runs: [{ text: "deep" }] };
    for (let i = 0; i < 40; i++) node = { type: "element", name: "blockquote", children: [node] };
    file.descriptions[file.items[1]!.id] = [node];
    expect(parseBoardFile(file)).toMatchObject({ ok: false, errors: [expect.stringContaining("nested deeper")] });
  });
});
