import * as fontkit from "fontkit";
import type { Shape } from "../../lib/render/scene";
import { FONT_FILES } from "./fonts";

/**
 * Text for the PNG drawn as glyph outlines: each glyph's path once in <defs>, each string a
 * row of <use>. resvg shapes every <text> with the full OpenType machinery, 2–3 ms apiece with
 * Inter: 9,500 labels of a 2,000-item board took half a minute. Advances from the font's own
 * metrics (no kerning), so words sit where the PDF puts them to within a hair.
 */
type Weight = 400 | 600;
let fonts: Record<Weight, fontkit.Font> | null = null;
const loadFonts = () => (fonts ??= { 400: fontkit.openSync(FONT_FILES.regular), 600: fontkit.openSync(FONT_FILES.semibold) });

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const n = (v: number) => (Math.round(v * 100) / 100).toString();

export class GlyphText {
  private readonly defs = new Map<string, string>();

  /** The markup of one text shape: a group of glyph references at its baseline. */
  draw(shape: Extract<Shape, { kind: "text" }>): string {
    const font = loadFonts()[shape.weight];
    const k = shape.size / font.unitsPerEm;
    const uses: string[] = [];
    let advance = 0;
    for (const ch of shape.text) {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      const id = `g${shape.weight}-${glyph.id}`;
      if (!this.defs.has(id)) this.defs.set(id, glyph.path.toSVG());
      if (this.defs.get(id)) uses.push(`<use href="#${id}" x="${Math.round(advance)}"/>`);
      advance += glyph.advanceWidth;
    }
    const x = shape.anchor === "end" ? shape.x - advance * k : shape.x;
    // Font units have y up: the group flips them onto the page at the baseline.
    return `<g transform="translate(${n(x)} ${n(shape.y)}) scale(${k.toFixed(6)} ${(-k).toFixed(6)})" fill="${escapeXml(shape.fill)}">${uses.join("")}</g>`;
  }

  /** Every glyph used so far, for the document's <defs>. */
  defsMarkup(): string {
    return [...this.defs].filter(([, d]) => d).map(([id, d]) => `<path id="${id}" d="${d}"/>`).join("");
  }
}
