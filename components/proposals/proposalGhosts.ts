import { finishDay, nextWorkingDay, type WorkCalendar } from "../../lib/derive/calendar";
import { formatDay, parseDay } from "../../lib/derive/dayStrings";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalBase, ProposalView } from "../../lib/protocol/proposals";
import { barTop, dayToX, type TimelineGeometry } from "../roadmap/timeline/geometry";

/**
 * Where open proposals are drawn on the timeline (docs/teams.md "Proposals"): each as a dashed
 * ghost bar at the proposed dates in the lane it proposes, a few pixels below the item's bar
 * when it stays in the item's lane (so both show), at the lane's first row otherwise. Plain
 * functions of the geometry, so the rules are tested without a browser.
 */

/** How far below its item's bar a ghost sits, so the bar and the ghost both show. */
export const PROPOSAL_GHOST_DROP = 9;
/** Days a proposed new item without a duration is drawn over (the new-item default). */
const DEFAULT_DURATION = 5;

export interface ProposalGhost {
  proposalId: string;
  kind: ProposalView["change"]["kind"];
  left: number;
  top: number;
  width: number;
  start: string;
  finish: string;
  stale: boolean;
  /** What the ghost is of: the item's title (proposed, when renamed) or the new item's. */
  title: string;
  authorName: string;
}

type Fields = Exclude<keyof ProposalBase, "exists">;

/** The item's values now for the fields the proposal depends on, as the page sees them (scope: the server's word). */
export function currentValues(p: ProposalView, snapshot: BoardSnapshot): ProposalBase {
  const { change } = p;
  if (change.kind === "create") return { exists: false };
  const item = snapshot.items.find((i) => i.id === change.itemId);
  if (!item) return { exists: false };
  const out: ProposalBase = { exists: true };
  for (const key of Object.keys(p.base) as (keyof ProposalBase)[]) {
    if (key === "exists") continue;
    out[key] = key === "scope" ? (p.now?.scope ?? p.base.scope) : (item[key as Exclude<Fields, "scope">] ?? null);
  }
  return out;
}

/** Stale now: the server said so when it listed it, or the item changed on this page since. */
export function isStaleNow(p: ProposalView, snapshot: BoardSnapshot): boolean {
  if (p.stale) return true;
  if (p.change.kind === "create") return false;
  const now = currentValues(p, snapshot);
  if (!now.exists) return true;
  return (Object.keys(p.base) as (keyof ProposalBase)[]).some((k) => JSON.stringify(p.base[k]) !== JSON.stringify(now[k]));
}

export function proposalGhosts(
  geometry: Pick<TimelineGeometry, "axis" | "pxPerDay" | "bands" | "bars">,
  calendar: WorkCalendar,
  snapshot: BoardSnapshot,
  proposals: readonly ProposalView[],
): ProposalGhost[] {
  const out: ProposalGhost[] = [];
  for (const p of proposals) {
    const { change } = p;
    const item = change.kind === "create" ? null : snapshot.items.find((i) => i.id === change.itemId);
    if (change.kind !== "create" && !item) continue;
    const fields = change.kind === "change" ? change.fields : change.kind === "create" ? change.item : {};
    const laneId = change.kind === "create" ? change.laneId : (("laneId" in fields ? fields.laneId : undefined) ?? item!.laneId);
    const band = geometry.bands.find((b) => b.id === laneId);
    if (!band || band.collapsed) continue;
    const box = item ? geometry.bars.get(item.id) : undefined;
    // The proposed start, else the item's pinned start, else where its bar is drawn now.
    const proposedStart = "start" in fields ? fields.start : undefined;
    const startDate = proposedStart ?? item?.start ?? null;
    const startDay = startDate ? nextWorkingDay(calendar, parseDay(startDate)) : box ? geometry.axis.startDay + Math.round(box.left / geometry.pxPerDay) : null;
    if (startDay === null) continue;
    const duration = ("duration" in fields ? fields.duration : undefined) ?? item?.duration ?? DEFAULT_DURATION;
    const finish = finishDay(calendar, startDay, duration);
    const sameLane = box && box.bandId === band.id;
    out.push({
      proposalId: p.id,
      kind: change.kind,
      left: dayToX(geometry, startDay),
      top: sameLane ? box.top + PROPOSAL_GHOST_DROP : barTop(band, 0),
      width: Math.max((finish - startDay + 1) * geometry.pxPerDay, 6),
      start: formatDay(startDay),
      finish: formatDay(finish),
      stale: isStaleNow(p, snapshot),
      title: ("title" in fields ? fields.title : undefined) ?? item?.title ?? "",
      authorName: p.authorName,
    });
  }
  return out;
}
