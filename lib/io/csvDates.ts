import { isDateString, isSupportedDate, type DateString } from "../model/dates";

/**
 * Dates and durations as spreadsheets and tracker exports write them (docs/import-export.md):
 * ISO (2027-01-18, with or without a time), numeric in the person's order (18/01/2027 or
 * 01/18/2027, two-digit years as 20xx), and month names (18 Jan 2027, Jan 18, 2027, Jira's
 * 18/Jan/27 9:00 AM). A date that does not exist (31/02/2027) is an error, never rolled over.
 */
export type DateOrder = "dmy" | "mdy";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};
const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function build(y: number, m: number, d: number): DateString | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return isDateString(text) && isSupportedDate(text) ? (text as DateString) : null;
}

/** The date a cell holds, or null when it holds none (the caller words the error). */
export function parseCsvDate(cell: string, order: DateOrder): DateString | null {
  const value = cell.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([AaPp][Mm])?(Z|[+-]\d{2}:?\d{2})?$/, "").trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(value);
  if (m) return order === "dmy" ? build(year(m[3]!), Number(m[2]), Number(m[1])) : build(year(m[3]!), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[\s/.-]+([A-Za-z]{3,9})\.?[\s/.,-]+(\d{2}|\d{4})$/.exec(value);
  if (m && monthOf(m[2]!)) return build(year(m[3]!), monthOf(m[2]!)!, Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(value);
  if (m && monthOf(m[1]!)) return build(Number(m[3]), monthOf(m[1]!)!, Number(m[2]));
  return null;
}

/**
 * Which numeric order a column's dates use: day first when any first number is over 12, month
 * first when any second number is; otherwise the person's locale decides.
 */
export function guessDateOrder(cells: readonly string[], fallback: DateOrder): DateOrder {
  for (const cell of cells) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(cell);
    if (!m) continue;
    if (Number(m[1]) > 12) return "dmy";
    if (Number(m[2]) > 12) return "mdy";
  }
  return fallback;
}

/** The order a browser's locale writes numeric dates in (en-US: month first; most others: day first). */
export function localeDateOrder(locale: string): DateOrder {
  try {
    const parts = new Intl.DateTimeFormat(locale).formatToParts(new Date(Date.UTC(2027, 10, 22)));
    const day = parts.findIndex((p) => p.type === "day");
    const month = parts.findIndex((p) => p.type === "month");
    return month >= 0 && day >= 0 && month < day ? "mdy" : "dmy";
  } catch {
    return "dmy";
  }
}

/**
 * A duration in working days: "5", "5d", "5 days", "3 wd", "2w", "2 weeks" (a week being the
 * board's working days per week), "1.5d" rounded up. Null when it is not one.
 */
export function parseCsvDuration(cell: string, perWeek: number): number | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*(d|days?|wd|working\s+days?|w|wks?|weeks?|h|hrs?|hours?)?\s*$/i.exec(cell);
  if (!m) return null;
  const n = Number(m[1]!.replace(",", "."));
  const unit = (m[2] ?? "d").toLowerCase();
  const days = unit.startsWith("w") && unit !== "wd" && !unit.startsWith("working") ? n * perWeek : unit.startsWith("h") ? n / 8 : n;
  if (!Number.isFinite(days) || days <= 0) return null;
  return Math.min(100_000, Math.ceil(days - 1e-9));
}
