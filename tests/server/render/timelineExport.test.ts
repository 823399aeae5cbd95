import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { afterAll, describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { collection } from "../../../lib/model/docLayout";
import { addLane } from "../../../lib/model/laneCommands";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";
import { barFill } from "../../../lib/render/palette";
import type { Shape } from "../../../lib/render/scene";
import { timelineScene } from "../../../lib/render/timelineScene";
import { renderTimeline } from "../../../server/render/renderTimeline";
import { timelinePng } from "../../../server/render/timelinePng";
import { readPng } from "./pngPixels";

/**
 * The files themselves: the PDF read back by poppler (pdfinfo, pdftotext) as any reader would,
 * the PNG decoded and its pixels looked at where the layout put a bar.
 */
const has = (tool: string) => {
  try {
    execFileSync(tool, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const poppler = has("pdftotext") && has("pdfinfo");
const dir = mkdtempSync(join(tmpdir(), "waymark-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exportedAt = new Date("2027-01-18T09:30:00Z");
function demo() {
  const doc = new Y.Doc();
  buildDemoBoard(doc, createOrigin("local", "test"), date("2027-01-04"));
  return readSnapshot(doc);
}

describe.skipIf(!poppler)("the PDF, read back with poppler", () => {
  it("has the pages, the paper, and searchable text: title, date, lanes, item titles, milestones", async () => {
    const snapshot = demo();
    const made = await renderTimeline(snapshot, { format: "pdf", paper: "a4", range: "all", exportedAt });
    if (!made.ok) throw new Error(made.error);
    expect(made.value.contentType).toBe("application/pdf");
    const file = join(dir, "demo.pdf");
    writeFileSync(file, made.value.body);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(new RegExp(`Pages:\\s+${made.value.pages}\\n`));
    expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
    expect(info).toContain(`Title:           ${snapshot.board.title}`);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    expect(text).toContain(snapshot.board.title);
    expect(text).toContain("Exported Jan 18, 2027");
    for (const lane of snapshot.lanes) expect(text).toContain(lane.name);
    for (const m of snapshot.milestones) expect(text).toContain(m.title);
    const derived = deriveBoard(snapshot, { today: date("2027-01-18") });
    const scheduled = snapshot.items.filter((i) => derived.schedule.items.some((s) => s.itemId === i.id));
    const found = scheduled.filter((i) => text.includes(i.title));
    // Titles beside a bar at the page's right edge may be cut; nearly all read back whole.
    expect(found.length).toBeGreaterThanOrEqual(scheduled.length - 2);
  });

  it("on A3 with a range: one page of A3", async () => {
    const made = await renderTimeline(demo(), { format: "pdf", paper: "a3", range: { from: "2027-01-04", to: "2027-06-30" }, exportedAt });
    if (!made.ok) throw new Error(made.error);
    const file = join(dir, "a3.pdf");
    writeFileSync(file, made.value.body);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+1190.55 x 841.89 pts \(A3\)/);
  });
});

describe("the PNG", () => {
  it("is the pages at 144 dpi, with a bar's colour where the layout put the bar", async () => {
    const snapshot = demo();
    const derived = deriveBoard(snapshot, { today: date("2027-01-18") });
    const result = timelineScene(snapshot, derived, { paper: "a4", range: { from: date("2027-01-04"), to: date("2027-06-30") }, today: date("2027-01-18"), maxPages: 12 });
    if (!result.ok) throw new Error(result.error);
    const png = await timelinePng(result.scene);
    const image = readPng(png.png);
    expect(png.scale).toBe(2);
    expect([image.width, image.height]).toEqual([Math.round(841.89 * 2), Math.round(595.28 * 2)]);
    // A wide bar: its middle, a little right of its accent and below its title, is its fill.
    const flat = (shapes: Shape[]): Shape[] => shapes.flatMap((s) => (s.kind === "clip" ? flat(s.shapes) : [s]));
    const bars = flat(result.scene.pages[0]!.shapes).filter((s): s is Extract<Shape, { kind: "rect" }> => s.kind === "rect" && s.h === 14 && s.w > 60 && s.x > 24 + 108 && s.x + s.w < 841.89 - 24);
    expect(bars.length).toBeGreaterThan(3);
    const fills = new Set(snapshot.lanes.flatMap((l) => [barFill(l.color, "planned"), barFill(l.color, "done")]));
    let checked = 0;
    for (const bar of bars) {
      if (!fills.has(bar.fill!)) continue;
      const [r, g, b] = image.pixel((bar.x + bar.w - 4) * 2, (bar.y + 2) * 2);
      const want = [1, 3, 5].map((i) => parseInt(bar.fill!.slice(i, i + 2), 16));
      expect(Math.abs(r - want[0]!) + Math.abs(g - want[1]!) + Math.abs(b - want[2]!)).toBeLessThan(12);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
    // And the margin is paper-white.
    expect(image.pixel(4, 4)).toEqual([255, 255, 255]);
  });

  it("a PNG past its page cap is refused with a message that points to the PDF", async () => {
    const doc = new Y.Doc();
    const origin = createOrigin("local", "test");
    buildDemoBoard(doc, origin, date("2027-01-04"));
    for (let i = 0; i < 60; i++) addLane(doc, origin, { name: `Team ${i}` });
    const made = await renderTimeline(readSnapshot(doc), { format: "png", paper: "a4", range: { from: "2027-01-01", to: "2033-12-31" }, exportedAt });
    expect(made).toMatchObject({ ok: false, error: expect.stringMatching(/at most 12.*A PDF takes up to 100/) });
  });

  it("a board past the item cap is refused before any work, with a message", async () => {
    const snapshot = demo();
    const huge = { ...snapshot, items: Array.from({ length: 5_001 }, () => snapshot.items[0]!) };
    expect(await renderTimeline(huge, { format: "pdf", paper: "a4", range: "all", exportedAt })).toMatchObject({ ok: false, error: expect.stringMatching(/5001 items; .* at most 5000/) });
  });
});

/**
 * The links and conflict badges, looked at in the files: the PNG decoded, the PDF rasterised by
 * poppler (pdftoppm), each at 144 dpi, read where the layout put a red link, a grey link and a badge.
 */
describe("links and conflict badges in the files", () => {
  const today = date("2027-01-18");
  const range = { from: date("2027-01-04"), to: date("2027-12-31") };
  /** The demo board with one successor pinned to its predecessor's start: a broken link, two badges. */
  function brokenDemo() {
    const doc = new Y.Doc();
    buildDemoBoard(doc, createOrigin("local", "test"), date("2027-01-04"));
    const s = readSnapshot(doc);
    const dep = s.dependencies.find((d) => s.items.find((i) => i.id === d.fromId)!.laneId === s.items.find((i) => i.id === d.toId)!.laneId)!;
    const from = deriveBoard(s, { today }).schedule.items.find((x) => x.itemId === dep.fromId)!;
    collection(doc, "items").get(dep.toId)!.set("start", from.start);
    const snapshot = readSnapshot(doc);
    const result = timelineScene(snapshot, deriveBoard(snapshot, { today }), { paper: "a4", range, today, maxPages: 12 });
    if (!result.ok) throw new Error(result.error);
    const shapes = flatten(result.scene.pages[0]!.shapes);
    const lines = shapes.filter((x): x is Extract<Shape, { kind: "polyline" }> => x.kind === "polyline");
    const badge = shapes.find((x): x is Extract<Shape, { kind: "circle" }> => x.kind === "circle" && x.r === 3.5 && x.fill === "#f43f5e")!;
    return { snapshot, scene: result.scene, red: lines.find((l) => l.stroke === "#f43f5e")!, grey: lines.filter((l) => l.stroke !== "#f43f5e"), badge, shapes };
  }
  const flatten = (shapes: Shape[]): Shape[] => shapes.flatMap((x) => (x.kind === "clip" ? flatten(x.shapes) : [x]));
  /** The middle of a link's first vertical run (it leaves its predecessor there, clear of bars and titles). */
  const onLine = (line: Extract<Shape, { kind: "polyline" }>): [number, number] => {
    const [[x, y1], [, y2]] = line.points as [[number, number], [number, number]];
    return [x, (y1 + y2) / 2];
  };
  const near = (pixel: [number, number, number], hex: string, tolerance: number) => {
    const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return Math.abs(pixel[0] - want[0]!) + Math.abs(pixel[1] - want[1]!) + Math.abs(pixel[2] - want[2]!) < tolerance;
  };
  /** The darkest pixel within 1.5 pt of a point (a 0.6 pt line covers only part of a pixel). */
  function sample(image: ReturnType<typeof readPng>, [x, y]: [number, number], scale: number): [number, number, number] {
    let best: [number, number, number] = [255, 255, 255];
    for (let dx = -3; dx <= 3; dx++) {
      const p = image.pixel(Math.round(x * scale) + dx, Math.round(y * scale));
      if (p[0] + p[1] + p[2] < best[0] + best[1] + best[2]) best = p;
    }
    return best;
  }
  function check(image: ReturnType<typeof readPng>, scale: number, parts: ReturnType<typeof brokenDemo>) {
    // Red where the broken link runs, the screen's grey where another one does, the badge's red at its centre.
    expect(sample(image, onLine(parts.red), scale)[0]).toBeGreaterThan(200);
    expect(sample(image, onLine(parts.red), scale), "red link").toSatisfy((p: [number, number, number]) => near(p, "#f43f5e", 90));
    const greys = parts.grey.filter((l) => Math.abs(l.points[1]![1] - l.points[0]![1]) > 3).map((l) => sample(image, onLine(l), scale));
    expect(greys, "grey links").toSatisfy((ps: [number, number, number][]) => ps.some((p) => near(p, "#b4bfcd", 60)));
    // Left of the count (white) inside the dot.
    expect(image.pixel(Math.round((parts.badge.cx - 2.4) * scale), Math.round(parts.badge.cy * scale)), "badge").toSatisfy((p: [number, number, number]) => near(p, "#f43f5e", 40));
  }

  it("the PNG", async () => {
    const parts = brokenDemo();
    expect(parts.red).toBeDefined();
    const png = await timelinePng(parts.scene);
    check(readPng(png.png), png.scale, parts);
  });

  it.skipIf(!has("pdftoppm"))("the PDF, rasterised by poppler", async () => {
    const parts = brokenDemo();
    const made = await renderTimeline(parts.snapshot, { format: "pdf", paper: "a4", range, exportedAt });
    if (!made.ok) throw new Error(made.error);
    const file = join(dir, "links.pdf");
    writeFileSync(file, made.value.body);
    execFileSync("pdftoppm", ["-png", "-r", "144", "-f", "1", "-l", "1", "-singlefile", file, join(dir, "links")]);
    const { readFileSync } = await import("node:fs");
    check(readPng(readFileSync(join(dir, "links.png"))), 2, parts);
  });
});
