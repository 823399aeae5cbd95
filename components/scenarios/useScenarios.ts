"use client";

import { useCallback, useEffect, useState } from "react";
import type { ScenarioView } from "../../lib/protocol/scenarios";
import { useLiveEvent } from "../live/useLiveEvent";
import { scenariosClient } from "./scenariosClient";

/**
 * The plan's scenarios, kept current: fetched once, then again on every `scenarios` notice of
 * the plan (created, renamed, archived, adopted, discarded), after a reconnect and on focus.
 * `listenOn` is the board whose notices this page receives: the plan's page hears of every
 * scenario, a scenario's page of its own changes (server/services/scenarioServices.ts).
 */
export function useScenarios(planId: string, listenOn: string, enabled: boolean) {
  const [scenarios, setScenarios] = useState<ScenarioView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const refetch = useCallback(() => setAsked((n) => n + 1), []);
  useEffect(() => {
    if (!enabled) return;
    let stale = false;
    void scenariosClient.list(planId).then((result) => {
      if (stale) return;
      if (result.ok) {
        setScenarios(result.value.scenarios);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      stale = true;
    };
  }, [planId, enabled, asked]);
  useEffect(() => {
    window.addEventListener("focus", refetch);
    return () => window.removeEventListener("focus", refetch);
  }, [refetch]);
  useLiveEvent(
    (notice) => {
      if (notice.type === "reconnected" || (notice.type === "scenarios" && notice.boardId === planId)) refetch();
    },
    listenOn,
    enabled,
  );
  return { scenarios, error, refetch };
}
