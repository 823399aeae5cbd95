import { renderAsync } from "@resvg/resvg-js";
import type { TimelineScene } from "../../lib/render/scene";
import { timelineSvg } from "../../lib/render/timelineSvg";
import { FONT_FILES } from "./fonts";
import { GlyphText } from "./glyphText";

/**
 * The timeline scene as one PNG: its pages one under the other (each with its header, so any
 * part read alone says what it is), rasterised by resvg with the bundled Inter and no system
 * fonts. Twice the points (144 dpi) when that stays under PNG_MAX_PIXELS, fewer otherwise,
 * never under 1 (72 dpi): the page cap keeps that bounded.
 */
export const PNG_MAX_PIXELS = 24_000_000;
const PAGE_GAP = 12;

export function stackedSvg(scene: TimelineScene): { svg: string; width: number; height: number } {
  const width = Math.max(...scene.pages.map((p) => p.width));
  let y = 0;
  const parts: string[] = [];
  const glyphs = new GlyphText();
  scene.pages.forEach((page, i) => {
    parts.push(timelineSvg(page, `p${i}`, (shape) => glyphs.draw(shape)).replace("<svg ", `<svg y="${y}" `));
    y += page.height + PAGE_GAP;
  });
  const height = y - PAGE_GAP;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${glyphs.defsMarkup()}</defs><rect width="100%" height="100%" fill="#cbd5e1"/>${parts.join("")}</svg>`,
    width,
    height,
  };
}

/** resvg parses and rasterises on a libuv thread (renderAsync): the sync server keeps serving meanwhile. */
export async function timelinePng(scene: TimelineScene): Promise<{ png: Uint8Array; width: number; height: number; scale: number }> {
  const { svg, width, height } = stackedSvg(scene);
  const scale = Math.max(1, Math.min(2, Math.sqrt(PNG_MAX_PIXELS / (width * height))));
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.semibold], loadSystemFonts: false, defaultFontFamily: "Inter" },
    background: "#ffffff",
  });
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height, scale };
}
