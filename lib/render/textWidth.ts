/**
 * Text widths estimated, not measured: the scene is pure (no font in lib), and both outputs use
 * the bundled Inter, whose average advance in mixed-case titles is a little over half an em.
 * Slightly generous, so a title cut to fit never runs past its bar.
 */
const EM_FACTOR = { 400: 0.56, 600: 0.6 } as const;

export function textWidth(text: string, size: number, weight: 400 | 600 = 400): number {
  return text.length * size * EM_FACTOR[weight];
}

/** The text cut with an ellipsis to fit `width`; "" when not even one character and the ellipsis fit. */
export function fitText(text: string, size: number, width: number, weight: 400 | 600 = 400): string {
  if (textWidth(text, size, weight) <= width) return text;
  const chars = Math.floor(width / (size * EM_FACTOR[weight])) - 1;
  return chars < 1 ? "" : `${text.slice(0, chars).trimEnd()}…`;
}
