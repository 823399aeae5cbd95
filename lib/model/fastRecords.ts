import { isInSupportedRange } from "./dateRange";
import { isDateString } from "./dates";
import { isIdShaped } from "./ids";
import { ITEM_STATUSES, PRIORITIES, type Dependency, type Item } from "./schemas";

/**
 * The two big collections' common case, read without zod: a record whose every field is
 * plainly valid. Reading a 10,000-item board (15,000 links) spends a third of its time in
 * zod's generic parse of records that are almost always fine, and a past board or a new
 * client reads it whole (docs/history.md).
 *
 * Each reader accepts only values the record's schema (schemas.ts) surely accepts, and gives
 * exactly what zod gives for them: a new object with the schema's keys in the schema's order,
 * arrays copied. On anything else (a junk field, an unusual value, a link, whose URL check is
 * zod's) it answers undefined and zod reads the record as before, problems and defaults
 * included. tests/lib/model/fastRecords.test.ts holds each reader to zod on random fields.
 *
 * `fields` is what readCollectionEntry gathered: every key of the schema, and the id.
 */
export type FastReader<R> = (fields: Record<string, unknown>) => R | undefined;

const isId = (v: unknown): v is string => typeof v === "string" && isIdShaped(v);
const isIdOrNull = (v: unknown): v is string | null => v === null || isId(v);
const STATUSES: ReadonlySet<unknown> = new Set(ITEM_STATUSES);
const PRIORITY_SET: ReadonlySet<unknown> = new Set(PRIORITIES);

/** A copy of an array of at most `max` strings of at most `maxLength` characters, or undefined. */
function strings(v: unknown, max: number, maxLength: number): string[] | undefined {
  if (!Array.isArray(v) || v.length > max) return undefined;
  for (const s of v) if (typeof s !== "string" || s.length > maxLength) return undefined;
  return (v as string[]).slice();
}

export const readDependencyFast: FastReader<Dependency> = (f) => {
  const { id, fromId, toId, lag } = f;
  if (!isId(id) || !isId(fromId) || !isId(toId) || !Number.isSafeInteger(lag)) return undefined;
  return { id, fromId, toId, lag } as Dependency;
};

export const readItemFast: FastReader<Item> = (f) => {
  const { id, title, laneId, phaseId, start, duration, effort, status, priority, links, deadlineMilestoneId, order } = f;
  if (!isId(id) || typeof title !== "string" || title.length > 500) return undefined;
  if (!isIdOrNull(laneId) || !isIdOrNull(phaseId) || !isIdOrNull(deadlineMilestoneId)) return undefined;
  if (start !== null && !(typeof start === "string" && isDateString(start) && isInSupportedRange(start))) return undefined;
  if (!Number.isSafeInteger(duration)) return undefined;
  if (typeof effort !== "number" || !Number.isFinite(effort) || !(effort >= 0)) return undefined;
  if (!STATUSES.has(status) || !PRIORITY_SET.has(priority)) return undefined;
  // Links carry URLs: zod's check of those is not repeated here.
  if (!Array.isArray(links) || links.length !== 0) return undefined;
  if (order !== undefined && !(typeof order === "number" && Number.isFinite(order))) return undefined;
  const owners = strings(f.owners, 50, 200);
  const tags = strings(f.tags, 50, 50);
  if (!owners || !tags) return undefined;
  return { id, title, laneId, phaseId, start, duration, effort, owners, status, priority, tags, links: [], deadlineMilestoneId, order } as unknown as Item;
};
