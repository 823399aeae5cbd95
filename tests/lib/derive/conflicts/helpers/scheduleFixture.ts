import type { Schedule, ScheduledItem } from "../../../../../lib/derive/types";
import { FIRST_SUPPORTED_DAY, LAST_SUPPORTED_DAY } from "../../../../../lib/model/dateRange";
import { fromDayNumber, toDayNumber, type DateString } from "../../../../../lib/model/dates";
import type { DependencyId, ItemId } from "../../../../../lib/model/ids";

/**
 * A Schedule written by hand, for testing the rules apart from the scheduler: whatever a
 * scheduler (or a bug in one) might hand over, including entries for items that do not exist,
 * finishes before starts and cycles through ids nobody knows.
 */
export interface PlacedSpec {
  itemId: string;
  start: DateString;
  /** Calendar days from start to finish (may be negative: a broken entry). */
  days: number;
  pinned: boolean;
}

const FIRST_DAY = FIRST_SUPPORTED_DAY;
const LAST_DAY = LAST_SUPPORTED_DAY;

export function scheduleFixture(placed: readonly PlacedSpec[], cycles: { itemIds: string[]; dependencyIds: string[] }[] = []): Schedule {
  const items: ScheduledItem[] = placed.map((p) => {
    // Kept inside the supported range (docs/dates.md): that much a scheduler does guarantee.
    const finish = fromDayNumber(Math.min(LAST_DAY, Math.max(FIRST_DAY, toDayNumber(p.start) + p.days)));
    return {
      itemId: p.itemId as ItemId,
      pinned: p.pinned,
      start: p.start,
      finish,
      earlyStart: p.start,
      earlyFinish: finish,
      lateStart: p.start,
      lateFinish: finish,
      totalSlack: 0,
      critical: true,
    };
  });
  return {
    items,
    unscheduled: [],
    cycles: cycles.map((c) => ({ itemIds: c.itemIds as ItemId[], dependencyIds: c.dependencyIds as DependencyId[] })),
    boardFinish: items.length ? items.map((i) => i.finish).sort().at(-1)! : null,
    criticalPaths: [],
  };
}
