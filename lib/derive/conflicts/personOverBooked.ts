import type { Conflict } from "../types";
import { dateOf, itemList, type ConflictContext, type RuleMemory } from "./context";
import { groupOverloadConflicts, orderBy } from "./groupMemo";
import { SETTLED, type ItemFacts } from "./itemFacts";
import { Loads } from "./loadSweep";
import { dateSpanWords, dateWords, roundLoad } from "./text";

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
  const { facts, scheduled, start, finish, changed, memory } = ctx;
  const { owners, spelling, person, more, people, flags, rate } = facts;
  const memo = memory?.people ?? null;
  // Each person's name as shown: the first of the spellings their work is given under.
  const best = new Int32Array(people.keys.length).fill(-1);
  let dirty: Uint8Array | null = null;
  let loads: Loads;
  if (!memo || !changed) {
    let shares = 0;
    for (const v of ctx.order) if (owners[v] && scheduled[v] && !(flags[v]! & SETTLED)) shares += owners[v]!;
    loads = new Loads(shares);
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
  } else {
    // On a live board, only the people of items that changed (before and after) are swept again,
    // from their own items (in id order, as above: a group's shares keep their order).
    const before = memory!.last!.facts;
    dirty = new Uint8Array(people.keys.length);
    for (const v of changed) {
      for (const p of peopleOf(before, v)) dirty[p] = 1;
      for (const p of peopleOf(facts, v)) dirty[p] = 1;
    }
    const members = personItems(memory!, before, facts, changed);
    let shares = 0;
    for (let p = 0; p < dirty.length; p++) if (dirty[p]) shares += members[p]?.length ?? 0;
    loads = new Loads(shares);
    for (let p = 0; p < dirty.length; p++) {
      if (!dirty[p]) continue;
      for (const v of members[p] ?? []) {
        if (!scheduled[v] || flags[v]! & SETTLED) continue;
        const several = more[v];
        if (several) for (const s of several.spellings) people.offer(best, s);
        else people.offer(best, spelling[v]!);
        loads.add(p, v, start[v]!, finish[v]!, several ? rate[v]! / several.people.length : rate[v]!);
      }
    }
  }
  const nameOf = (p: number) => (best[p]! >= 0 ? people.text[best[p]!]! : people.keys[p]!);
  const groups = people.keys.map((key) => ({ key, limit: 1 }));
  return groupOverloadConflicts(ctx.cal, loads, groups, idOrder(people.keys, memory), memo, dirty, (over) => {
    const person = { key: people.keys[over.group]!, name: nameOf(over.group) };
    const [start, finish] = [dateOf(over.start), dateOf(over.finish)];
    const span = start === finish ? `on ${dateWords(start)}` : `from ${dateSpanWords(start, finish)}`;
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

const NOBODY: readonly number[] = [];

/** People in the order of their conflict ids (so the list comes out sorted), kept while nobody new is named. */
function idOrder(keys: readonly string[], memory: RuleMemory | null): Int32Array {
  if (memory?.personOrder?.length === keys.length) return memory.personOrder;
  // Ids are "person-over-booked:<encoded key>:<date>": ordered by what follows the common prefix.
  const order = orderBy(keys.map((key) => `${encodeURIComponent(key)}:`));
  if (memory) memory.personOrder = order;
  return order;
}

/** The distinct people an item's owners name (see ItemFacts). */
function peopleOf(facts: ItemFacts, v: number): readonly number[] {
  if (!facts.owners[v]) return NOBODY;
  return facts.more[v]?.people ?? (facts.person[v]! >= 0 ? [facts.person[v]!] : NOBODY);
}

/**
 * Each person's items (indices, ascending), kept in a ConflictFinder's memory and updated for
 * the items that changed since `before`, the facts they were last made for.
 */
function personItems(memory: RuleMemory, before: ItemFacts, facts: ItemFacts, changed: readonly number[]): (number[] | undefined)[] {
  const known = memory.personItems;
  let lists: (number[] | undefined)[];
  if (known?.facts === before) {
    lists = known.lists;
    for (const v of changed) {
      const [was, is] = [peopleOf(before, v), peopleOf(facts, v)];
      if (was.length === is.length && was.every((p, k) => p === is[k])) continue;
      for (const p of was) lists[p]!.splice(lists[p]!.indexOf(v), 1);
      for (const p of is) {
        const list = (lists[p] ??= []);
        let at = list.length;
        while (at > 0 && list[at - 1]! > v) at--;
        list.splice(at, 0, v);
      }
    }
  } else {
    lists = [];
    for (let v = 0; v < facts.items.length; v++) for (const p of peopleOf(facts, v)) (lists[p] ??= []).push(v);
  }
  memory.personItems = { facts, lists };
  return lists;
}
