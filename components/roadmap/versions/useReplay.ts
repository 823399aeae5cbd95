"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PastBoard } from "../../../lib/protocol/versions";
import type { Version } from "../history/versionsApi";
import { buildSteps, stepMoment, stepOfVersion, type BoardChange } from "./historySteps";
import { fetchBoardChanges, versionsClient } from "./versionsClient";

/** The server keeps the changes between versions for a week (docs/history.md); older moments come from versions alone. */
const HISTORY_DAYS = 7;
/** Arrow keys held on the slider step quickly: ask for the board once the hand rests. */
const SETTLE_MS = 150;

interface Loaded {
  changes: BoardChange[];
  available: boolean;
  truncated: boolean;
}

/**
 * The history replay: the board's steps (versions and the recorded changes between them), the
 * one shown, and the board as it was then, fetched from the server (GET /snapshot?at=) whenever
 * the step changes. The step is remembered by key, so a version saved meanwhile (the list
 * refetches live) slots in without moving what is shown.
 */
export function useReplay(boardId: string, versions: readonly Version[] | null) {
  // `at`: when the replay opened, the "now" its last step reaches (fixed, so the moment asked for stays put).
  const [open, setOpen] = useState<{ versionId: string | null; at: Date } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [past, setPast] = useState<PastBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(0);

  // The recorded changes of the last week, read once per opening.
  useEffect(() => {
    if (!open) return;
    let stale = false;
    const from = new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString();
    void fetchBoardChanges(boardId, from).then((result) => {
      if (!stale) setLoaded(result);
    });
    return () => {
      stale = true;
    };
  }, [boardId, open]);

  const steps = useMemo(() => (loaded && versions ? buildSteps(versions, loaded.changes) : null), [loaded, versions]);
  const found = steps && key ? steps.findIndex((s) => s.key === key) : -1;
  const index = steps ? (found >= 0 ? found : stepOfVersion(steps, open?.versionId ?? null)) : -1;
  const moment = steps && open && index >= 0 ? stepMoment(steps, index, open.at) : null;

  // The board at the step's moment; only the latest answer is drawn.
  useEffect(() => {
    if (!moment) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      void versionsClient.boardAt(boardId, moment).then((result) => {
        if (ask !== asked.current) return;
        if (result.ok) {
          setPast(result.value);
          setError(null);
        } else setError(result.error);
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [boardId, moment]);

  const start = useCallback((versionId: string | null) => {
    setOpen({ versionId, at: new Date() });
    // A version asked for by name is shown even if another step was shown before.
    setKey(versionId ? `v:${versionId}` : null);
  }, []);
  const stop = useCallback(() => {
    asked.current++;
    setOpen(null);
    setLoaded(null);
    setKey(null);
    setPast(null);
    setError(null);
  }, []);
  const goTo = useCallback((i: number) => steps?.[i] && setKey(steps[i].key), [steps]);

  return {
    active: open !== null,
    steps,
    index,
    step: steps?.[index] ?? null,
    /** The board as it was at the step (the last one shown until the next arrives), or null while the first loads. */
    past,
    /** The moment `past` shows. */
    moment: past?.at ?? null,
    loading: moment !== null && past?.at !== new Date(moment).toISOString(),
    error,
    /** False while the server gives no board-wide history: the steps are versions alone. */
    changesRecorded: loaded?.available ?? true,
    truncated: loaded?.truncated ?? false,
    start,
    stop,
    goTo,
  };
}

export type Replay = ReturnType<typeof useReplay>;
