import { formatDate } from "../../format/dates";
import { plural } from "../../format/plural";

/**
 * Wording and id helpers shared by the conflict rules. Messages are read by people in a
 * workshop, so items are named by title, never by id.
 */

/**
 * A date in a message, written as everywhere else in the app ("Mon, Dec 28, 2026",
 * lib/format/dates.ts). Always with its year: conflicts do not depend on anyone's today, so
 * every reader, in every zone and on every replica, gets the same message.
 */
export const dateWords = (date: string): string => formatDate(date);

/** "Mon, Mar 1 to Fri, Mar 5, 2027": two dates, the year said once when they share it. */
export function dateSpanWords(start: string, finish: string): string {
  const first = start.slice(0, 4) === finish.slice(0, 4) ? formatDate(start, { today: start }) : formatDate(start);
  return `${first} to ${formatDate(finish)}`;
}

/** What an item without a (readable) title is called in messages. */
export const UNTITLED_ITEM = "Untitled item";

/** A title in typographic quotes, so titles stand out from the sentence around them. */
export function quote(title: string, fallback = UNTITLED_ITEM): string {
  const trimmed = title.trim();
  return `“${trimmed === "" ? fallback : trimmed}”`;
}

/**
 * “A”, “B” and “C”; with more than `shown.length` names in all: “A”, “B”, “C” and 4 more.
 * Takes only the names shown, so a list of 500 items costs three titles, not 500.
 */
export function nameList(shown: readonly string[], total = shown.length): string {
  if (shown.length === 0) return "";
  if (total > shown.length) return `${shown.join(", ")} and ${total - shown.length} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]!}`;
}

/** Code-unit comparison: unlike localeCompare it is the same in every browser and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 32-bit FNV-1a as 8 hex digits. Used to keep conflict ids short when their cause is a long
 * list of records (a cycle through many links): the same list gives the same id everywhere.
 */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** A load as people say it: 2.5, not 2.4999999999999996. */
export function roundLoad(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "1 working day", "3 working days". */
export function workingDays(n: number): string {
  return plural(n, { one: "# working day", other: "# working days" });
}

/** What one record of a collection is called in messages. */
const RECORD_NAMES: Readonly<Record<string, string>> = {
  board: "board",
  lanes: "lane",
  phases: "phase",
  items: "item",
  dependencies: "dependency",
  milestones: "milestone",
};

/** "item", "dependency", …: what one record of a collection is called. */
export const recordName = (collection: string): string => RECORD_NAMES[collection] ?? "record";
