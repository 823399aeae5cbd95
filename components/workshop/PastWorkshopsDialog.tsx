"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "../../lib/format/dates";
import type { WorkshopSummary } from "../../lib/protocol/workshops";
import { Dialog } from "../ui/Dialog";
import { countOf } from "../../lib/format/plural";
import { recordPagePath, workshopClient } from "./workshopClient";
import { FormError } from "../ui/FormError";

/** The board's workshops, newest first, each linking to its record once ended. */
export function PastWorkshopsDialog({ boardId, onClose }: { boardId: string; onClose: () => void }) {
  const [list, setList] = useState<WorkshopSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    void workshopClient.list(boardId).then((result) => {
      if (stale) return;
      if (result.ok) setList(Array.isArray(result.value?.workshops) ? result.value.workshops : []);
      else setError(result.error);
    });
    return () => {
      stale = true;
    };
  }, [boardId]);
  return (
    <Dialog open title="Workshops on this board" onClose={onClose} testId="past-workshops">
      <FormError message={error} />
      {list === null ? (
        !error && <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No workshops yet. Owners and editors start one from this menu.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" aria-label="Workshops, newest first">
          {list.map((w) => (
            <li key={w.id} className="flex items-center justify-between gap-3 py-2 text-sm" data-testid="past-workshop">
              <span className="min-w-0">
                {w.endedAt ? (
                  <a href={recordPagePath(boardId, w.id)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {w.title}
                  </a>
                ) : (
                  <span className="font-medium">{w.title} (running)</span>
                )}
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {formatDateTime(w.startedAt)} · {w.facilitator.name} · {countOf(w.participants, "person", "people")}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
