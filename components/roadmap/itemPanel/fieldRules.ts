import { formatCount } from "../../../lib/format/numbers";

/**
 * What the item panel (and the table) say about a value they cannot save, at the field, in a
 * sentence: nothing reverts silently. Null means the value can be saved.
 */

/** Longest an item may last in the panel's field (the timeline cannot show much more). */
export const MAX_ITEM_WORKING_DAYS = 10_000;

export function titleProblem(raw: string): string | null {
  return raw.trim() === "" ? "An item needs a title. Type one, or press Escape to keep the one it had." : null;
}

/** The number a person typed, reading a typographic minus as a minus. */
const asNumber = (text: string) => Number(text.replace(/\u2212/g, "-"));

export function workingDaysProblem(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return "Enter how many working days it lasts, as a whole number such as 5.";
  const n = asNumber(text);
  if (!Number.isFinite(n)) return `“${text}” is not a number. Enter how many working days it lasts, such as 5.`;
  if (!Number.isInteger(n)) return `Working days are whole days: enter ${formatCount(Math.max(1, Math.ceil(n)))} rather than ${text}.`;
  if (n < 1) return "An item lasts at least 1 working day.";
  if (n > MAX_ITEM_WORKING_DAYS) return `An item lasts at most ${formatCount(MAX_ITEM_WORKING_DAYS)} working days.`;
  return null;
}

/** The working days of a draft `workingDaysProblem` accepted. */
export const workingDaysOf = (raw: string): number => asNumber(raw.trim());
