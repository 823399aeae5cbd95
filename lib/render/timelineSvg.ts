import type { ScenePage, Shape } from "./scene";

/**
 * One page of the timeline scene as an SVG document, in points (the PNG is this, rasterised).
 * Every text and attribute value is escaped: titles are whatever people typed.
 */
export const FONT_FAMILY = "Inter";

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const n = (v: number) => (Math.round(v * 100) / 100).toString();

/**
 * `idPrefix` keeps clip ids apart when pages are stacked in one document; `drawText`, when
 * given, replaces <text> (the PNG draws glyph outlines: server/render/glyphText.ts).
 */
export function timelineSvg(page: ScenePage, idPrefix = "p", drawText?: (shape: Extract<Shape, { kind: "text" }>) => string): string {
  const out: string[] = [];
  let clips = 0;
  const draw = (shape: Shape) => {
    switch (shape.kind) {
      case "rect": {
        const stroke = shape.stroke ? ` stroke="${escapeXml(shape.stroke)}" stroke-width="${n(shape.strokeWidth ?? 0.5)}"${shape.dash ? ' stroke-dasharray="2 1.5"' : ""}` : "";
        const radius = shape.radius ? ` rx="${n(Math.min(shape.radius, shape.w / 2))}"` : "";
        out.push(`<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}"${radius} fill="${escapeXml(shape.fill ?? "none")}"${stroke}/>`);
        break;
      }
      case "line":
        out.push(
          `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${escapeXml(shape.stroke)}" stroke-width="${n(shape.width)}"${shape.dash ? ' stroke-dasharray="2 2"' : ""}/>`,
        );
        break;
      case "diamond": {
        const { cx, cy, r } = shape;
        out.push(`<path d="M${n(cx)} ${n(cy - r)}L${n(cx + r)} ${n(cy)}L${n(cx)} ${n(cy + r)}L${n(cx - r)} ${n(cy)}Z" fill="${escapeXml(shape.fill)}"/>`);
        break;
      }
      case "polyline":
        out.push(`<polyline points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" fill="none" stroke="${escapeXml(shape.stroke)}" stroke-width="${n(shape.width)}" stroke-linejoin="round"/>`);
        break;
      case "polygon":
        out.push(`<polygon points="${shape.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ")}" fill="${escapeXml(shape.fill)}"/>`);
        break;
      case "circle":
        out.push(
          `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${escapeXml(shape.fill ?? "none")}"${shape.stroke ? ` stroke="${escapeXml(shape.stroke)}" stroke-width="0.6"` : ""}/>`,
        );
        break;
      case "text":
        if (drawText) {
          out.push(drawText(shape));
          break;
        }
        out.push(
          `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}" font-weight="${shape.weight}" fill="${escapeXml(shape.fill)}"${shape.anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(shape.text)}</text>`,
        );
        break;
      case "clip": {
        const id = `${idPrefix}c${clips++}`;
        out.push(`<clipPath id="${id}"><rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}"/></clipPath><g clip-path="url(#${id})">`);
        shape.shapes.forEach(draw);
        out.push("</g>");
        break;
      }
    }
  };
  page.shapes.forEach(draw);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}" height="${n(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="${FONT_FAMILY}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${out.join("")}</svg>`
  );
}
