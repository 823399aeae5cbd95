import { deriveBoard } from "../../lib/derive/deriveBoard";
import { date } from "../../lib/model/dates";
import { err, ok, type Result } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { RENDER_MAX_ITEMS, RENDER_MAX_PAGES, type PaperSize, type RenderFormat } from "../../lib/protocol/importExport";
import { timelineScene } from "../../lib/render/timelineScene";
import { timelinePdf } from "./timelinePdf";
import { timelinePng } from "./timelinePng";

/**
 * A board's timeline as a PDF or a PNG (issue 18), with no browser: derive, lay out on paper
 * (lib/render), then pdfkit or resvg. Bounded before any work: the item count, then the page
 * count the layout comes to.
 */
export interface RenderRequest {
  format: RenderFormat;
  paper: PaperSize;
  range: "all" | { from: string; to: string };
  exportedAt: Date;
}

export async function renderTimeline(snapshot: BoardSnapshot, request: RenderRequest): Promise<Result<{ body: Uint8Array; contentType: string; pages: number }, string>> {
  if (snapshot.items.length > RENDER_MAX_ITEMS) {
    return err(`This board has ${snapshot.items.length} items; a PDF or PNG is made of boards of at most ${RENDER_MAX_ITEMS}. Export it as CSV, or split the board.`);
  }
  const today = date(request.exportedAt.toISOString().slice(0, 10));
  const derived = deriveBoard(snapshot, { today });
  const range = request.range === "all" ? "all" : { from: date(request.range.from), to: date(request.range.to) };
  const scene = timelineScene(snapshot, derived, { paper: request.paper, range, today, maxPages: RENDER_MAX_PAGES[request.format] });
  if (!scene.ok) return err(request.format === "png" ? `${scene.error} A PDF takes up to ${RENDER_MAX_PAGES.pdf}.` : scene.error);
  const pages = scene.scene.pages.length;
  if (request.format === "pdf") return ok({ body: await timelinePdf(scene.scene, { exportedAt: request.exportedAt }), contentType: "application/pdf", pages });
  return ok({ body: (await timelinePng(scene.scene)).png, contentType: "image/png", pages });
}
