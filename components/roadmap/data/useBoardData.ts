"use client";

import { useMemo, useState } from "react";
import { BoardLayouter } from "../../../lib/derive/boardLayout";
import { makeCalendar } from "../../../lib/derive/calendar";
import { laneLoads } from "../../../lib/derive/laneLoad";
import { toDayNumber } from "../../../lib/model/dates";
import type { TimeScale } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { Peer } from "../../collab/boardSession";
import { timed } from "../../collab/timing";
import { indexConflicts } from "../conflicts/conflictIndex";
import { dependencyRequestConflicts, joinConflicts } from "../../../lib/derive/conflicts/dependencyRequests";
import type { DependencyRequestFacts } from "../../../lib/protocol/dependencyRequests";
import { formatLongDate } from "../labels";
import { TimelineGeometer } from "../timeline/geometry";
import type { TimelineDecor } from "../timeline/Timeline";
import { criticalLinkIds } from "./criticalLinks";
import { useDerivedBoard } from "./useDerivedBoard";
import { useToday } from "./useToday";
import { countOf } from "../../../lib/format/plural";

const NO_REQUESTS: readonly DependencyRequestFacts[] = [];

interface BoardDataOptions {
  snapshot: BoardSnapshot;
  peers: Peer[];
  /** This viewer's zoom. */
  scale: TimeScale;
  /** Lanes folded on this viewer's screen. */
  collapsed: ReadonlySet<string>;
  /** The critical-path view: critical work emphasised, the rest dimmed. */
  criticalView: boolean;
  /** Comments in open threads, by item or milestone id. */
  commentCounts: ReadonlyMap<string, number>;
  /** Absent where comments cannot be read (guests). */
  onMilestoneComments?: (milestoneId: string) => void;
  /** Dependency requests between teams (docs/teams.md): their arrows and conflicts. */
  requests?: readonly DependencyRequestFacts[];
}

/**
 * Everything the board's views draw that follows from the document and this viewer's choices:
 * the schedule and its conflicts, bars laid out in rows and placed in pixels, lane loads, who
 * else has what selected. Each part is memoised on what it reads, so an edit re-derives only
 * what it touches.
 */
export function useBoardData({ snapshot, peers, scale, collapsed, criticalView, commentCounts, onMilestoneComments, requests = NO_REQUESTS }: BoardDataOptions) {
  const today = useToday();
  // `today` is null only while server-rendering, which never draws a synced board; the
  // horizon's start keeps the derivation total rather than special-casing it.
  const derived = useDerivedBoard(snapshot, today ?? snapshot.board.horizonStart);
  const { schedule } = derived;
  const calendar = useMemo(() => makeCalendar(snapshot.board), [snapshot.board]);
  // Bars come from the schedule; one layouter per view keeps the rows of lanes that did not change.
  const [layouter] = useState(() => new BoardLayouter());
  const layout = useMemo(
    () => timed("waymark:layout", () => layouter.layout(snapshot, schedule, derived.phaseSpans)),
    [layouter, snapshot, schedule, derived.phaseSpans],
  );
  const dependencyIds = useMemo(() => new Set<string>(snapshot.dependencies.map((d) => d.id)), [snapshot.dependencies]);
  // The requests' conflicts join the board's own (lib/derive/conflicts/dependencyRequests.ts).
  const requestConflicts = useMemo(() => dependencyRequestConflicts(requests, snapshot, schedule), [requests, snapshot, schedule]);
  const allConflicts = useMemo(() => joinConflicts(derived.conflicts, requestConflicts), [derived.conflicts, requestConflicts]);
  const conflicts = useMemo(() => indexConflicts(allConflicts, dependencyIds), [allConflicts, dependencyIds]);
  const scheduled = useMemo(() => new Map(schedule.items.map((s) => [s.itemId as string, s])), [schedule.items]);
  const criticalLinks = useMemo(() => criticalLinkIds(schedule, snapshot.dependencies), [schedule, snapshot.dependencies]);
  // It remembers the geometry drawn last: bars keep their rows where they can (docs/scheduling.md).
  const [geometer] = useState(() => new TimelineGeometer());
  const geometry = useMemo(
    () => timed("waymark:geometry", () => geometer.place(snapshot, layout, scale, collapsed)),
    [geometer, snapshot, layout, scale, collapsed],
  );
  const loads = useMemo(() => timed("waymark:laneLoads", () => laneLoads(snapshot, schedule, calendar)), [snapshot, schedule, calendar]);
  const todayDay = today ? toDayNumber(today) : null;

  const peerSelections = useMemo(() => {
    const out = new Map<string, { name: string; color: string }>();
    for (const peer of peers) if (!peer.isLocal && peer.selection) out.set(peer.selection, { name: peer.name, color: peer.color });
    return out;
  }, [peers]);

  const decor: TimelineDecor = useMemo(
    () => ({ scheduled, conflicts, criticalView, criticalLinks, commentCounts, onMilestoneComments, requests }),
    [scheduled, conflicts, criticalView, criticalLinks, commentCounts, onMilestoneComments, requests],
  );

  const unscheduled = useMemo(() => {
    const ids = new Set<string>(schedule.unscheduled);
    return snapshot.items.filter((i) => ids.has(i.id));
  }, [snapshot.items, schedule.unscheduled]);

  const criticalSummary = useMemo(() => {
    const count = schedule.items.filter((s) => s.critical).length;
    const end = schedule.boardFinish ? ` · board ends ${formatLongDate(schedule.boardFinish)}` : "";
    return `${countOf(count, "critical item")}${end}`;
  }, [schedule]);

  // `derived` is a ScheduleResult too: the baseline's slips reuse it rather than schedule again.
  return { derived, phaseSpans: derived.phaseSpans, calendar, layout, conflicts, scheduled, geometry, loads, todayDay, peerSelections, decor, unscheduled, criticalSummary };
}

export type BoardData = ReturnType<typeof useBoardData>;
