import PDFDocument from "pdfkit";
import type { Shape, TimelineScene } from "../../lib/render/scene";
import { FONT_FILES } from "./fonts";

/**
 * The timeline scene as a PDF (pdfkit): bars and marks as vector paths, every title and label
 * as text in the embedded Inter (subset), so the file is searchable and prints sharp.
 */
export async function timelinePdf(scene: TimelineScene, meta: { exportedAt: Date }): Promise<Uint8Array> {
  // `font` replaces pdfkit's default Helvetica, whose metrics it would otherwise read from disk.
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    font: FONT_FILES.regular,
    compress: true,
    info: { Title: scene.title, Creator: "Waymark", Producer: "Waymark", CreationDate: meta.exportedAt, ModDate: meta.exportedAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  for (const page of scene.pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const shape of page.shapes) draw(doc, shape);
    // A page is tens of milliseconds: between pages, the sync server's messages get their turn.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, shape: Shape) {
  switch (shape.kind) {
    case "rect": {
      if (shape.radius) doc.roundedRect(shape.x, shape.y, shape.w, shape.h, Math.min(shape.radius, shape.w / 2));
      else doc.rect(shape.x, shape.y, shape.w, shape.h);
      paint(doc, shape.fill, shape.stroke, shape.strokeWidth ?? 0.5, shape.dash ? [2, 1.5] : null);
      break;
    }
    case "line":
      doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
      paint(doc, undefined, shape.stroke, shape.width, shape.dash ? [2, 2] : null);
      break;
    case "diamond": {
      const { cx, cy, r } = shape;
      doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]);
      paint(doc, shape.fill, undefined, 0, null);
      break;
    }
    case "polyline": {
      const [first, ...rest] = shape.points;
      if (!first) break;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.lineJoin("round");
      paint(doc, undefined, shape.stroke, shape.width, null);
      doc.lineJoin("miter");
      break;
    }
    case "polygon":
      doc.polygon(...shape.points);
      paint(doc, shape.fill, undefined, 0, null);
      break;
    case "circle":
      doc.circle(shape.cx, shape.cy, shape.r);
      paint(doc, shape.fill, shape.stroke, 0.6, null);
      break;
    case "text": {
      // By path, not a registered name: pdfkit caches a font under the key it was first asked by,
      // and the default font is keyed by its path; a second name would reopen the file every call.
      doc.font(shape.weight === 600 ? FONT_FILES.semibold : FONT_FILES.regular).fontSize(shape.size).fillColor(shape.fill);
      const x = shape.anchor === "end" ? shape.x - doc.widthOfString(shape.text) : shape.x;
      // No width: pdfkit neither wraps the line nor starts a new page for it.
      doc.text(shape.text, x, shape.y, { lineBreak: false, baseline: "alphabetic" });
      break;
    }
    case "clip":
      doc.save();
      doc.rect(shape.x, shape.y, shape.w, shape.h).clip();
      for (const inner of shape.shapes) draw(doc, inner);
      doc.restore();
      break;
  }
}

function paint(doc: PDFKit.PDFDocument, fill: string | undefined, stroke: string | undefined, width: number, dash: [number, number] | null) {
  if (stroke) {
    doc.lineWidth(width).strokeColor(stroke);
    if (dash) doc.dash(dash[0], { space: dash[1] });
  }
  if (fill && fill !== "none" && stroke) doc.fillColor(fill).fillAndStroke();
  else if (fill && fill !== "none") doc.fillColor(fill).fill();
  else if (stroke) doc.stroke();
  if (dash) doc.undash();
}
