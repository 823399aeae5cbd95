import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { collection } from "../../../lib/model/docLayout";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { PAPER_SIZES, type Shape } from "../../../lib/render/scene";
import { timelineScene, type TimelineRenderOptions } from "../../../lib/render/timelineScene";
import { timelineSvg } from "../../../lib/render/timelineSvg";
import { generateBoard } from "../../../scripts/bench/generateBoard";

const today = date("2027-01-18");
const options = (o: Partial<TimelineRenderOptions> = {}): TimelineRenderOptions => ({ paper: "a4", range: "all", today, maxPages: 100, ...o });

function demo(edit?: (doc: Y.Doc) => void) {
  const doc = new Y.Doc();
  buildDemoBoard(doc, createOrigin("local", "test"), date("2027-01-04"));
  edit?.(doc);
  const snapshot = readSnapshot(doc);
  return { snapshot, derived: deriveBoard(snapshot, { today }) };
}

const flat = (shapes: Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === "clip" ? flat(s.shapes) : [s]));
const texts = (shapes: Shape[]) => flat(shapes).flatMap((s) => (s.kind === "text" ? [s.text] : []));
function scene(...args: Parameters<typeof timelineScene>) {
  const result = timelineScene(...args);
  if (!result.ok) throw new Error(result.error);
  return result.scene;
}

describe("the timeline on paper", () => {
  it("draws the title, export date, legend, every lane, every scheduled item and the milestones on A4 landscape pages", () => {
    const { snapshot, derived } = demo();
    const { pages } = scene(snapshot, derived, options());
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(page).toMatchObject(PAPER_SIZES.a4);
      const words = texts(page.shapes);
      expect(words).toContain(snapshot.board.title);
      expect(words.some((w) => w.startsWith("Exported Jan 18, 2027"))).toBe(true);
      expect(words).toEqual(expect.arrayContaining(["Release, go-live", "Deadline", "Today", "Lanes"]));
      // The lane column is repeated on every page.
      for (const lane of snapshot.lanes) expect(words).toContain(lane.name);
    }
    const all = pages.flatMap((p) => texts(p.shapes));
    const scheduled = snapshot.items.filter((i) => derived.schedule.items.some((s) => s.itemId === i.id));
    // Titles may be cut with an ellipsis inside a short bar; each is drawn at least in part.
    for (const item of scheduled) expect(all.some((t) => t === item.title || (t.endsWith("…") && item.title.startsWith(t.slice(0, -1))))).toBe(true);
    for (const m of snapshot.milestones) expect(all).toContain(m.title);
  });

  it("a range the person had on screen fits one page's width; the whole horizon of a long board splits by time", () => {
    const { snapshot, derived } = demo();
    const onScreen = scene(snapshot, derived, options({ range: { from: date("2027-02-01"), to: date("2027-04-30") } }));
    expect(onScreen.pages).toHaveLength(1);
    expect(texts(onScreen.pages[0]!.shapes).some((t) => t.includes("Feb 1, 2027 – Apr 30, 2027"))).toBe(true);

    const big = generateBoard(3, { items: 400, dependencies: 500, lanes: 6, milestones: 20 }).doc;
    const snap = readSnapshot(big);
    const whole = scene(snap, deriveBoard(snap, { today }), options());
    const spans = whole.pages.map((p) => texts(p.shapes).find((t) => t.startsWith("Exported"))!.split("  ·  ")[1]);
    expect(new Set(spans).size).toBeGreaterThan(1);
    // Each page says where it is in the whole.
    whole.pages.forEach((p, i) => expect(texts(p.shapes).some((t) => t.includes(`Page ${i + 1} of ${whole.pages.length}`))).toBe(true));
  });

  it("lanes that do not fit one page go on the next, with the header and axis repeated; A3 needs fewer pages", () => {
    const big = generateBoard(5, { items: 600, dependencies: 800, lanes: 10, milestones: 10 }).doc;
    const snapshot = readSnapshot(big);
    const derived = deriveBoard(snapshot, { today });
    const range = { from: date("2027-01-04"), to: date("2027-03-31") };
    const a4 = scene(snapshot, derived, options({ range }));
    expect(a4.pages.length).toBeGreaterThan(1);
    const lanesOn = a4.pages.map((p) => snapshot.lanes.filter((l) => texts(p.shapes).some((t) => t === l.name || t === `${l.name} (continued)`)).length);
    expect(Math.max(...lanesOn)).toBeLessThan(snapshot.lanes.length);
    for (const page of a4.pages) {
      const words = texts(page.shapes);
      expect(words).toContain("Lanes");
      expect(words).toContain(snapshot.board.title);
      for (const month of ["January", "February", "March"]) expect(words.some((w) => w.startsWith(month))).toBe(true);
    }
    const a3 = scene(snapshot, derived, options({ range, paper: "a3" }));
    expect(a3.pages.length).toBeLessThan(a4.pages.length);
    expect(a3.pages[0]).toMatchObject(PAPER_SIZES.a3);
  });

  it("refuses more pages than allowed, and a range that runs backwards, with a message", () => {
    const { snapshot, derived } = demo();
    const tooMany = timelineScene(snapshot, derived, options({ range: { from: date("2027-01-01"), to: date("2036-12-31") }, maxPages: 2 }));
    expect(tooMany).toMatchObject({ ok: false, error: expect.stringMatching(/would take \d+ pages; at most 2/) });
    expect(timelineScene(snapshot, derived, options({ range: { from: date("2027-03-01"), to: date("2027-02-01") } }))).toMatchObject({ ok: false });
  });

  it("what people typed cannot break out of the SVG, and a lane colour that is not a colour is not written", () => {
    const { snapshot, derived } = demo((doc) => {
      const lane = collection(doc, "lanes").get(readSnapshot(doc).lanes[0]!.id)!;
      lane.set("name", `<script>alert("x")</script>`);
      lane.set("color", `red" onload="alert(1)`);
    });
    const svg = timelineSvg(scene(snapshot, derived, options()).pages[0]!);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).not.toContain("onload");
  });

  it("draws the links as the screen does: elbows into each successor's start, broken ones red; conflict badges on the bars", () => {
    // A successor pinned before its predecessor ends: the link is broken, both items get a badge.
    let broken = "";
    const { snapshot, derived } = demo((doc) => {
      const s = readSnapshot(doc);
      const dep = s.dependencies.find((d) => s.items.find((i) => i.id === d.fromId)!.laneId === s.items.find((i) => i.id === d.toId)!.laneId)!;
      broken = dep.id;
      const from = deriveBoard(s, { today }).schedule.items.find((x) => x.itemId === dep.fromId)!;
      collection(doc, "items").get(dep.toId)!.set("start", from.start);
    });
    expect(derived.conflicts.some((c) => c.kind === "dependency-violated" && c.objectIds.includes(broken))).toBe(true);
    const { pages } = scene(snapshot, derived, options({ range: { from: date("2027-01-04"), to: date("2027-12-31") } }));
    expect(pages).toHaveLength(1);
    const shapes = flat(pages[0]!.shapes);
    const lines = shapes.filter((s): s is Extract<Shape, { kind: "polyline" }> => s.kind === "polyline");
    const heads = shapes.filter((s): s is Extract<Shape, { kind: "polygon" }> => s.kind === "polygon");
    // Every link whose two items are drawn (the demo board has few: all of them), one head each.
    expect(lines).toHaveLength(snapshot.dependencies.length);
    expect(heads).toHaveLength(snapshot.dependencies.length);
    // Each head's tip touches a bar's start, at its middle; the line ends just behind the tip.
    const bars = shapes.filter((s): s is Extract<Shape, { kind: "rect" }> => s.kind === "rect" && s.h === 14 && s.radius === 3);
    for (const head of heads) {
      const [tipX, tipY] = head.points[1]!;
      expect(bars.some((b) => Math.abs(b.x - tipX) < 0.01 && Math.abs(b.y + 7 - tipY) < 0.01)).toBe(true);
    }
    for (const [i, line] of lines.entries()) expect(line.points.at(-1)![1]).toBe(heads[i]!.points[1]![1]);
    // One red link (drawn last, over the grey ones), the others the screen's grey.
    expect(lines.map((l) => l.stroke)).toEqual([...Array(lines.length - 1).fill("#b4bfcd"), "#f43f5e"]);
    // Links are drawn behind the bars: every link comes before the first bar in the drawing order.
    expect(shapes.indexOf(lines.at(-1)!)).toBeLessThan(shapes.indexOf(bars[0]!));
    // Badges: the count in a dot of the worst severity on the top right corner of each bar in a conflict.
    const badged = snapshot.items.filter((i) => derived.conflicts.some((c) => c.objectIds.includes(i.id)) && derived.schedule.items.some((x) => x.itemId === i.id));
    const dots = shapes.filter((s): s is Extract<Shape, { kind: "circle" }> => s.kind === "circle" && s.r === 3.5);
    expect(dots).toHaveLength(badged.length);
    expect(dots.some((d) => d.fill === "#f43f5e")).toBe(true);
    for (const dot of dots) expect(bars.some((b) => Math.abs(b.x + b.w - 0.5 - dot.cx) < 0.01 && Math.abs(b.y + 0.5 - dot.cy) < 0.01)).toBe(true);
  });

  it("a milestone in conflict carries its badge after its title, as the screen's header does", () => {
    let release = "";
    const { snapshot, derived } = demo((doc) => {
      const m = readSnapshot(doc).milestones.find((x) => x.kind === "release")!;
      release = m.title;
      collection(doc, "milestones").get(m.id)!.set("date", "2027-01-06"); // before the work it releases
    });
    const named = derived.conflicts.filter((c) => c.objectIds.includes(snapshot.milestones.find((m) => m.title === release)!.id));
    expect(named.length).toBeGreaterThan(1);
    const shapes = flat(scene(snapshot, derived, options({ range: { from: date("2027-01-04"), to: date("2027-12-31") } })).pages[0]!.shapes);
    const label = shapes.find((s): s is Extract<Shape, { kind: "text" }> => s.kind === "text" && s.text === release)!;
    const dot = shapes.find((s): s is Extract<Shape, { kind: "circle" }> => s.kind === "circle" && s.r === 3.5 && Math.abs(s.cy - (label.y - 2)) < 0.01)!;
    expect(dot).toMatchObject({ fill: "#f43f5e" }); // the worst is an error
    expect(dot.cx).toBeGreaterThan(label.x);
    expect(shapes).toContainEqual(expect.objectContaining({ kind: "text", text: String(named.length), fill: "#ffffff" }));
  });

  it("past 400 links only the broken ones are drawn, as on screen", () => {
    const big = generateBoard(5, { items: 600, dependencies: 700, lanes: 6, milestones: 10 }).doc;
    // Three successors pinned to their predecessor's start: three broken links.
    const before = readSnapshot(big);
    const schedule = deriveBoard(before, { today }).schedule.items;
    for (const dep of before.dependencies.slice(0, 3)) collection(big, "items").get(dep.toId)!.set("start", schedule.find((x) => x.itemId === dep.fromId)!.start);
    const snapshot = readSnapshot(big);
    const derived = deriveBoard(snapshot, { today });
    const brokenIds = new Set(derived.conflicts.filter((c) => c.kind === "dependency-violated" || c.kind === "dependency-cycle").flatMap((c) => c.objectIds));
    const { pages } = scene(snapshot, derived, options({ paper: "a3" }));
    const lines = pages.flatMap((p) => flat(p.shapes)).filter((s) => s.kind === "polyline");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.kind === "polyline" && l.stroke === "#f43f5e")).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(pages.length * snapshot.dependencies.filter((d) => brokenIds.has(d.id)).length);
  });
});
