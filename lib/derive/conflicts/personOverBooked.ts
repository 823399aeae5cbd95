import type { Conflict } from "../types";
import { dateOf, isSettled, itemList, type ConflictContext } from "./context";
import { groupOverloadConflicts } from "./groupMemo";
import { Loads } from "./loadSweep";
import { compareStrings, roundLoad } from "./text";

/** "Ana", " ana " and "ANA" are the same person: owners are free text typed by many people. */
export const ownerKey = (name: string): string => tidy(name).toLowerCase();

/** Trimmed, inner runs of spaces made one; the regex only runs on names that need it. */
const tidy = (name: string): string => (/^\S+( \S+)*$/.test(name) ? name : name.trim().replace(/\s+/g, " "));

interface Person {
  key: string;
  /** The spelling shown: the first in code-unit order, so every replica names them alike. */
  name: string;
}

/**
 * person-over-booked (warning): per owner, every maximal run of working days on which their
 * share of work adds up to more than one full working day (100%), with the peak.
 *
 * An item's daily load (its effort over its working days, or 1 without an effort, as for lanes)
 * is split evenly among its distinct owners: two people on a 10-day, 10-day-effort item are each
 * half busy; one person on two overlapping items without effort is at 200%. Splitting keeps the
 * person rule consistent with the lane rule (an item asks the same in total of both). Done and
 * won't-have items take no time. Owners are matched ignoring case and spacing.
 */
export function personOverBookedConflicts(ctx: ConflictContext): Conflict[] {
  const people: Person[] = [];
  // A board has few distinct spellings: each is normalised once, then found by a Map lookup.
  const personOf = new Map<string, number>();
  const byKey = new Map<string, number>();
  const find = (raw: string): number => {
    const known = personOf.get(raw);
    if (known !== undefined) return known;
    const name = tidy(raw);
    const key = name.toLowerCase();
    let p = key === "" ? -1 : (byKey.get(key) ?? -1);
    if (key !== "" && p < 0) {
      byKey.set(key, (p = people.length));
      people.push({ key, name });
    } else if (p >= 0 && compareStrings(name, people[p]!.name) < 0) people[p]!.name = name;
    personOf.set(raw, p);
    return p;
  };

  const daily = ctx.dailyLoads();
  let shares = 0;
  for (const item of ctx.items) shares += item.owners.length;
  const loads = new Loads(shares);
  const mine: number[] = [];
  for (const v of ctx.order) {
    const item = ctx.items[v]!;
    if (!ctx.scheduled[v] || item.owners.length === 0 || isSettled(item)) continue;
    if (item.owners.length === 1) {
      const p = find(item.owners[0]!);
      if (p >= 0) loads.add(p, v, ctx.start[v]!, ctx.finish[v]!, daily[v]!);
      continue;
    }
    mine.length = 0;
    for (const raw of item.owners) {
      const p = find(raw);
      if (p >= 0 && !mine.includes(p)) mine.push(p);
    }
    for (const p of mine) loads.add(p, v, ctx.start[v]!, ctx.finish[v]!, daily[v]! / mine.length);
  }

  const groups = people.map((person) => ({ key: person.key, label: person.name, limit: 1 }));
  return groupOverloadConflicts(ctx.cal, ctx.items, loads, groups, ctx.memory?.people ?? null, (over) => {
    const person = people[over.group]!;
    const [start, finish] = [dateOf(over.start), dateOf(over.finish)];
    const span = start === finish ? `on ${start}` : `from ${start} to ${finish}`;
    return {
      id: `person-over-booked:${encodeURIComponent(person.key)}:${start}`,
      kind: "person-over-booked",
      severity: "warning",
      objectIds: over.items.map((v) => ctx.items[v]!.id),
      message:
        `${person.name} is over-booked ${span}: up to ${Math.round(over.peak * 100)}% of a working day across ` +
        `${itemList(ctx, over.items)}. Move some of this work or share it with someone else.`,
      fix: null,
      interval: { start, finish },
      load: { peak: roundLoad(over.peak), limit: 1 },
    };
  });
}
