import type { Conflict } from "../types";
import { dateOf, itemList, type ConflictContext } from "./context";
import { groupOverloadConflicts } from "./groupMemo";
import { SETTLED } from "./itemFacts";
import { Loads } from "./loadSweep";
import { roundLoad } from "./text";

export { ownerKey } from "./people";

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
  const { facts, scheduled, start, finish } = ctx;
  const { owners, spelling, person, more, people, flags, rate } = facts;
  // Each person's name as shown: the first of the spellings their work is given under.
  const best = new Int32Array(people.keys.length).fill(-1);
  let shares = 0;
  for (const v of ctx.order) if (owners[v] && scheduled[v] && !(flags[v]! & SETTLED)) shares += owners[v]!;
  const loads = new Loads(shares);
  for (const v of ctx.order) {
    if (!owners[v] || !scheduled[v] || flags[v]! & SETTLED) continue;
    const several = more[v];
    if (!several) {
      if (person[v]! < 0) continue;
      people.offer(best, spelling[v]!);
      loads.add(person[v]!, v, start[v]!, finish[v]!, rate[v]!);
      continue;
    }
    for (const s of several.spellings) people.offer(best, s);
    const mine = several.people;
    for (const p of mine) loads.add(p, v, start[v]!, finish[v]!, rate[v]! / mine.length);
  }
  const nameOf = (p: number) => (best[p]! >= 0 ? people.text[best[p]!]! : people.keys[p]!);
  const groups = people.keys.map((key, p) => ({ key, label: nameOf(p), limit: 1 }));
  return groupOverloadConflicts(ctx.cal, ctx.items, loads, groups, ctx.memory?.people ?? null, (over) => {
    const person = { key: people.keys[over.group]!, name: nameOf(over.group) };
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
