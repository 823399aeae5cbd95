import type { ItemId } from "../model/ids";
import type { Item, Milestone, Phase } from "../model/schemas";
import type { BoardSnapshot } from "../model/snapshot";
import { MAX_WORKING_DAYS, workIndex, type WorkCalendar } from "./calendar";
import { parseDay } from "./dayStrings";
import { indexById, sortedById, type IdIndex } from "./scheduleGraph";

/** Milestones and phases as the scheduler needs them; rebuilt only when those arrays change. */
export interface Deadlines {
  phasesIn: readonly Phase[];
  milestonesIn: readonly Milestone[];
  /** Existing milestones sorted by id; ties refer to them by position. */
  milestones: readonly Milestone[];
  milestoneIndex: IdIndex;
  /** Per milestone, the last working day on or before its date (work index). */
  latestFinish: readonly number[];
  /** Phases in display order (order, then id). */
  phases: readonly Phase[];
  phaseIndex: IdIndex;
  /** Per phase (display position), the milestone its release is, or -1. */
  release: Int32Array;
}

const byOrderThenId = (a: Phase, b: Phase) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The milestone and phase lookups for a snapshot: `prev` itself while those arrays are unchanged. */
export function deadlines(cal: WorkCalendar, s: BoardSnapshot, prev: Deadlines | undefined): Deadlines {
  if (prev && prev.phasesIn === s.phases && prev.milestonesIn === s.milestones) return prev;
  const milestones = sortedById(s.milestones);
  const milestoneIndex = indexById(milestones);
  const latestFinish = milestones.map((m) => workIndex(cal, parseDay(m.date) + 1) - 1);
  const phases = [...s.phases].sort(byOrderThenId);
  const release = Int32Array.from(phases, (p) => (p.milestoneId === null ? -1 : (milestoneIndex[p.milestoneId] ?? -1)));
  return { phasesIn: s.phases, milestonesIn: s.milestones, milestones, milestoneIndex, latestFinish, phases, phaseIndex: indexById(phases), release };
}

/** Per-item numbers for the passes, aligned with the graph's items. */
export interface ItemInputs {
  /** The records these were computed from: a later call recomputes only changed ones. */
  items: readonly Item[];
  /** Their ids (read in the same walk: later stages need not touch 10,000 records again). */
  ids: readonly ItemId[];
  table: Deadlines;
  /** Pinned start (work index), NaN when unpinned. */
  pinned: Float64Array;
  /** Working days, 1 to MAX_WORKING_DAYS (shorter durations are drawn as 1 day). */
  duration: Int32Array;
  /** Latest finish the item's deadlines allow (work index), +Infinity when none. */
  deadline: Float64Array;
  /** Milestones (positions in table.milestones) the item is tied to: its own, its phase's; -1 = none. */
  ownTie: Int32Array;
  phaseTie: Int32Array;
  /** Display position of the item's phase, -1 when it has none (or it does not exist). */
  phase: Int32Array;
  /**
   * True when every number above equals the previous inputs' (only fields the scheduler does
   * not read changed, such as a title or an owner): the schedule cannot have changed.
   */
  sameNumbers: boolean;
  /** Items whose numbers differ from the previous inputs', or null when there were none to compare with. */
  changed: number[] | null;
}

/**
 * Computes the per-item inputs. An item is tied to its own deadline milestone and to the
 * release its phase ends in; both bind, so the earlier one wins. `prev`, when given, was
 * computed on the same calendar for the same item ids in the same order: records that kept
 * their identity (and whose milestones and phases did not change) are copied, not recomputed.
 */
export function itemInputs(cal: WorkCalendar, items: readonly Item[], s: BoardSnapshot, prev: ItemInputs | undefined): ItemInputs {
  const n = items.length;
  const table = deadlines(cal, s, prev?.table);
  const reuse = prev !== undefined && prev.table === table;
  const out: ItemInputs = reuse
    ? {
        items,
        ids: prev.ids,
        table,
        pinned: prev.pinned.slice(),
        duration: prev.duration.slice(),
        deadline: prev.deadline.slice(),
        ownTie: prev.ownTie.slice(),
        phaseTie: prev.phaseTie.slice(),
        phase: prev.phase.slice(),
        sameNumbers: true,
        changed: [],
      }
    : {
        items,
        ids: new Array<ItemId>(n),
        table,
        pinned: new Float64Array(n),
        duration: new Int32Array(n),
        deadline: new Float64Array(n),
        ownTie: new Int32Array(n),
        phaseTie: new Int32Array(n),
        phase: new Int32Array(n),
        sameNumbers: false,
        changed: null,
      };
  const { milestoneIndex, phaseIndex, latestFinish, release } = table;
  const before = prev?.items;
  for (let v = 0; v < n; v++) {
    const item = items[v]!;
    if (reuse && before![v] === item) continue;
    if (!reuse) (out.ids as ItemId[])[v] = item.id;
    out.pinned[v] = item.start === null ? NaN : workIndex(cal, parseDay(item.start));
    out.duration[v] = item.duration < 1 ? 1 : item.duration > MAX_WORKING_DAYS ? MAX_WORKING_DAYS : item.duration;
    const phase = item.phaseId === null ? -1 : (phaseIndex[item.phaseId] ?? -1);
    const own = item.deadlineMilestoneId === null ? -1 : (milestoneIndex[item.deadlineMilestoneId] ?? -1);
    const viaPhase = phase < 0 ? -1 : release[phase]!;
    out.phase[v] = phase;
    out.ownTie[v] = own;
    out.phaseTie[v] = viaPhase === own ? -1 : viaPhase;
    out.deadline[v] = Math.min(own < 0 ? Infinity : latestFinish[own]!, viaPhase < 0 ? Infinity : latestFinish[viaPhase]!);
    if (out.changed && !sameAt(out, prev!, v)) {
      out.changed.push(v);
      out.sameNumbers = false;
    }
  }
  return out;
}

function sameAt(a: ItemInputs, b: ItemInputs, v: number): boolean {
  // Object.is: NaN (unpinned) equals NaN.
  return (
    Object.is(a.pinned[v], b.pinned[v]) &&
    a.duration[v] === b.duration[v] &&
    a.deadline[v] === b.deadline[v] &&
    a.ownTie[v] === b.ownTie[v] &&
    a.phaseTie[v] === b.phaseTie[v] &&
    a.phase[v] === b.phase[v]
  );
}
