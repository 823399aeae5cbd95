/**
 * Initials on a person's colour must stay readable (WCAG AA, 4.5:1 for small text): white on
 * dark colours, near-black on light ones such as the yellows and greens presence colours
 * include. Chooses whichever contrasts more, from the colour's relative luminance.
 */
const INK_DARK = "#0f172a"; // slate-900
const INK_LIGHT = "#ffffff";

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb` (0 black … 1 white); null when it is not that shape. */
export function luminance(color: string): number | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return null;
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}

export const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

/** The text colour to write on `background`. */
export function inkOn(background: string): string {
  const l = luminance(background);
  if (l === null) return INK_LIGHT;
  const dark = luminance(INK_DARK)!;
  return contrast(l, dark) > contrast(l, 1) ? INK_DARK : INK_LIGHT;
}
