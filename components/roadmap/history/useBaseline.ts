"use client";

import { useEffect, useMemo, useState } from "react";
import { Scheduler, type ScheduleResult } from "../../../lib/derive/schedule";
import { baselineSlips, type BaselineSlips, type ItemSlip, type MilestoneSlip } from "../../../lib/history/baselineSlips";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { fetchVersionSnapshot } from "./versionsApi";

/** The baseline as the views draw it: each item's and milestone's slip, by id. */
export interface BaselineView {
  versionId: string;
  items: ReadonlyMap<string, ItemSlip>;
  milestones: ReadonlyMap<string, MilestoneSlip>;
  slips: BaselineSlips;
}

interface Loaded {
  versionId: string;
  snapshot: BoardSnapshot;
  /** Scheduled once per baseline: it never changes, only the board does. */
  derived: ScheduleResult;
}

/**
 * The board now against its baseline (docs/history.md, "Baseline"). The baseline's snapshot is
 * fetched and scheduled once per baseline id; after that each edit costs one pass of
 * baselineSlips over the schedule the board derived anyway (about 4 ms at 10,000 items).
 * Null while there is no baseline or it is loading; `error` says why it could not load.
 */
export function useBaseline(boardId: string, baselineId: string | null, snapshot: BoardSnapshot, current: ScheduleResult): { view: BaselineView | null; error: string | null } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (baselineId === null || loaded?.versionId === baselineId) return;
    let live = true;
    void fetchVersionSnapshot(boardId, baselineId).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setError(null);
      setLoaded({ versionId: baselineId, snapshot: result.value, derived: new Scheduler().run(result.value) });
    });
    return () => {
      live = false;
    };
  }, [boardId, baselineId, loaded?.versionId]);
  const view = useMemo(() => {
    if (baselineId === null || !loaded || loaded.versionId !== baselineId) return null;
    const slips = baselineSlips(loaded.snapshot, snapshot, { baselineSchedule: loaded.derived, currentSchedule: current });
    return {
      versionId: baselineId,
      items: new Map(slips.items.map((s) => [s.itemId as string, s])),
      milestones: new Map(slips.milestones.map((m) => [m.milestoneId as string, m])),
      slips,
    };
  }, [baselineId, loaded, snapshot, current]);
  return { view, error: baselineId === null ? null : error };
}
