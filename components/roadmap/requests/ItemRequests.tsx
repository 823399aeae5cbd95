"use client";

import { useId, useMemo } from "react";
import type { DependencyRequestView } from "../../../lib/protocol/dependencyRequests";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { formatLongDate } from "../labels";

interface ItemRequestsProps {
  itemId: string;
  requests: readonly DependencyRequestView[];
  snapshot: BoardSnapshot;
  /** Opens the Requests panel, where the answers are. */
  onOpen: () => void;
}

const STATE_WORDS: Record<DependencyRequestView["state"], string> = {
  requested: "requested",
  countered: "countered",
  committed: "committed",
  declined: "declined",
  withdrawn: "withdrawn",
};

/** The dependency requests this item takes part in, in the item panel: what it asked for, and what is asked of it. */
export function ItemRequests({ itemId, requests, snapshot, onOpen }: ItemRequestsProps) {
  const headingId = useId();
  const mine = useMemo(() => requests.filter((r) => r.state !== "withdrawn" && (r.toItemId === itemId || r.fromItemId === itemId)), [requests, itemId]);
  if (mine.length === 0) return null;
  const title = (id: string) => `“${snapshot.items.find((i) => i.id === id)?.title.trim() || "A deleted item"}”`;
  const when = (r: DependencyRequestView) =>
    r.state === "committed" && r.committedFinish ? `, by ${formatLongDate(r.committedFinish)}` : r.state === "countered" && r.counterDate ? `, offered ${formatLongDate(r.counterDate)}` : "";
  return (
    <section aria-labelledby={headingId} data-testid="item-requests" className="flex flex-col gap-1">
      <h3 id={headingId} className="text-xs font-medium text-slate-500 dark:text-slate-400">
        Requests between teams
      </h3>
      <ul className="flex flex-col gap-0.5 text-sm">
        {mine.map((r) => (
          <li key={r.id} data-state={r.state} className="text-slate-700 dark:text-slate-200">
            {r.toItemId === itemId ? `Needs ${title(r.fromItemId)}` : `${title(r.toItemId)} needs it`} by {formatLongDate(r.neededBy)}
            <span className="text-slate-500 dark:text-slate-400">
              {" "}
              · {STATE_WORDS[r.state]}
              {when(r)}
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onOpen} className="self-start text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Open Requests
      </button>
    </section>
  );
}
