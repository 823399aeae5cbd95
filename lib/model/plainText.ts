import { boardSettingsSchema, itemSchema } from "./schemas";

/**
 * Characters removed from text the server copies out of a document into its own listings:
 * NUL and other C0/C1 controls (tab excepted), and the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) with which a title can make the rest of a list read backwards.
 */
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The longest board title, as the schema and the Board setup field allow it. */
export const MAX_BOARD_TITLE = boardSettingsSchema.shape.title.maxLength ?? 200;
/** The longest item title, as the schema allows it. */
export const MAX_ITEM_TITLE = itemSchema.shape.title.maxLength ?? 500;

/**
 * Text as it may be shown outside its document: unsafe characters and lone surrogates removed,
 * cut to `max` characters without splitting a surrogate pair.
 */
export function cleanText(text: string, max: number): string {
  // Cut generously first, so a 5 MB string costs no more than the cut to clean.
  let out = text.slice(0, max * 2 + 2).replace(UNSAFE, "").replace(LONE_SURROGATE, "");
  if (out.length > max) {
    out = out.slice(0, max);
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/**
 * A board title as the server keeps it in its own board list: the document's value when it is a
 * string, cleaned and bounded like the field; undefined otherwise (the listing keeps its copy).
 */
export function boundedTitle(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const title = cleanText(value, MAX_BOARD_TITLE).trim();
  return title || undefined;
}
