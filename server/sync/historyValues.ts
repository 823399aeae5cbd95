import { cleanText } from "../../lib/model/plainText";
import { HISTORY_VALUE_CHARS, type HistoryValue } from "../../lib/protocol/history";

/** Marks where a value was cut to fit. */
export const CUT = "…";
/** Nesting kept: the deepest field (an item's links) is a list of objects. */
const MAX_DEPTH = 3;

/**
 * A document value as history keeps it: plain JSON of at most about HISTORY_VALUE_CHARS
 * characters, whatever a client wrote. The room already refuses values outside the board's
 * layout, but history also holds values from before those checks and from other servers, and a
 * row is copied into every page that lists it: text is cleaned (no controls or bidi overrides)
 * and cut, lists keep the entries that fit, and shared types (rich text) are recorded as null.
 */
export function historyValue(value: unknown): HistoryValue {
  return fit(value, HISTORY_VALUE_CHARS, 0).value;
}

interface Fitted {
  value: HistoryValue;
  /** JSON characters it takes (roughly: quotes and separators counted, escapes not). */
  size: number;
}

function fit(value: unknown, budget: number, depth: number): Fitted {
  if (value === null || value === undefined) return { value: null, size: 4 };
  if (typeof value === "boolean") return { value, size: 5 };
  if (typeof value === "number") return Number.isFinite(value) ? { value, size: String(value).length } : { value: null, size: 4 };
  if (typeof value === "string") return fitText(value, budget);
  if (depth >= MAX_DEPTH) return { value: CUT, size: 3 };
  if (Array.isArray(value)) return fitList(value, budget, depth);
  // Only plain objects (a link); Y types, dates and class instances are not values history can show.
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return fitObject(value as Record<string, unknown>, budget, depth);
  }
  return { value: null, size: 4 };
}

function fitText(text: string, budget: number): Fitted {
  const room = Math.max(0, budget - 2);
  const clean = cleanText(text, room + 1);
  if (clean.length <= room) return { value: clean, size: clean.length + 2 };
  const cut = cleanText(clean, Math.max(0, room - 1)) + CUT;
  return { value: cut, size: cut.length + 2 };
}

function fitList(list: readonly unknown[], budget: number, depth: number): Fitted {
  const out: HistoryValue[] = [];
  let size = 2;
  for (const entry of list) {
    // Room for this entry, a comma and a closing cut marker.
    const left = budget - size - 5;
    const fitted = left > 0 ? fit(entry, left, depth + 1) : null;
    if (!fitted || fitted.size > left || fitted.value === CUT) {
      out.push(CUT);
      return { value: out, size: size + 4 };
    }
    out.push(fitted.value);
    size += fitted.size + 1;
  }
  return { value: out, size };
}

function fitObject(object: Record<string, unknown>, budget: number, depth: number): Fitted {
  const out: Record<string, HistoryValue> = {};
  let size = 2;
  for (const [key, entry] of Object.entries(object)) {
    const name = cleanText(key, 40);
    // A key that would set the copy's prototype rather than a field of it.
    if (name === "__proto__") continue;
    const left = budget - size - name.length - 4;
    const fitted = left > 0 ? fit(entry, left, depth + 1) : null;
    if (!fitted || fitted.size > left) return { value: CUT, size: 3 };
    out[name] = fitted.value;
    size += name.length + 4 + fitted.size;
  }
  return { value: out, size };
}

/**
 * Whether a field written again holds what it held (a form writes every field back). Values
 * are the room's checked plain values, small enough to compare as JSON; anything that cannot
 * be written as JSON counts as changed.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
