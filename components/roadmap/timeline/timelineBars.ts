import type { BarBox, LaneBand, TimelineGeometry } from "./geometry";
import type { BoardLayout, ItemSpan } from "../../../lib/derive/boardLayout";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { Item } from "../../../lib/model/schemas";
import type { ConflictBadge } from "../conflicts/conflictIndex";
import { describeSlack } from "../conflicts/conflictLabels";
import { formatDateSpan } from "../labels";
import type { TimelineDecor } from "./Timeline";

/** One item as the timeline draws it: where, with which words, and how it stands out. */
export interface TimelineBar {
  item: Item;
  span: ItemSpan;
  band: LaneBand;
  box: BarBox;
  dates: string;
  spokenDates: string;
  pinned: boolean;
  /** It has a predecessor on the board: unpinned, it would follow it (docs/scheduling.md). */
  follows: boolean;
  slack: string;
  emphasis: "critical" | "dimmed" | null;
  badge: ConflictBadge | undefined;
}

/** Every item that has a place on the axis, with what the derivation adds to it. Items without one are in the tray. */
export function timelineBars(snapshot: BoardSnapshot, layout: BoardLayout, geometry: TimelineGeometry, decor: TimelineDecor): TimelineBar[] {
  const bandById = new Map(geometry.bands.map((b) => [b.id, b]));
  const itemIds = new Set(snapshot.items.map((i) => i.id as string));
  const successors = new Set(snapshot.dependencies.filter((d) => d.fromId !== d.toId && itemIds.has(d.fromId)).map((d) => d.toId as string));
  return snapshot.items.flatMap((item) => {
    const span = layout.spans.get(item.id);
    const box = geometry.bars.get(item.id);
    const band = box && bandById.get(box.bandId);
    if (!span || !box || !band) return [];
    const scheduled = decor.scheduled.get(item.id);
    const emphasis = !decor.criticalView ? null : scheduled?.critical ? ("critical" as const) : ("dimmed" as const);
    return [
      {
        item,
        span,
        band,
        box,
        dates: formatDateSpan(span.start, span.finish),
        spokenDates: formatDateSpan(span.start, span.finish, " to "),
        pinned: scheduled?.pinned ?? item.start !== null,
        follows: successors.has(item.id),
        slack: scheduled ? describeSlack(scheduled.totalSlack) : "",
        emphasis,
        badge: decor.conflicts.badges.get(item.id),
      },
    ];
  });
}
