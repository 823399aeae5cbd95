"use client";

import type { BoardSnapshot } from "../../lib/model/snapshot";
import { PanelFrame } from "../ui/PanelFrame";
import { proposalHeadline, isStaleNow } from "./proposalLines";
import { useProposalsContext } from "./proposalsContext";

/**
 * The open proposals lane by lane (docs/teams.md "Proposals"), each opening its card, with
 * "Propose a new item" per lane for those who may propose.
 */
export function ProposalsPanel({ snapshot, onClose }: { snapshot: BoardSnapshot; onClose: () => void }) {
  const { open, show, propose, canPropose } = useProposalsContext();
  return (
    <PanelFrame label="Proposals" testId="proposals-panel" header={<h2 className="text-sm font-semibold">Proposals</h2>} closeLabel="Close proposals" onClose={onClose} muted>
      <div className="flex-1 overflow-y-auto p-3">
        {snapshot.lanes.map((lane) => {
          const here = open.filter((p) => p.laneId === lane.id);
          if (!here.length && !canPropose) return null;
          return (
            <section key={lane.id} aria-label={`Proposals for ${lane.name || "Untitled lane"}`} data-testid="proposals-lane" data-lane-id={lane.id} className="mb-4">
              <div className="mb-1 flex items-center justify-between gap-2">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  {lane.name || "Untitled lane"} <span className="font-normal">({here.length})</span>
                </h3>
                {canPropose && (
                  <button type="button" onClick={() => propose({ kind: "create", laneId: lane.id })} className="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    Propose a new item
                  </button>
                )}
              </div>
              <ul className="flex flex-col gap-1.5">
                {here.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      data-testid="proposal-row"
                      data-proposal-id={p.id}
                      onClick={() => show(p.id)}
                      className="w-full rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:border-indigo-300 dark:border-slate-700 dark:bg-slate-900"
                    >
                      <span className="block font-medium">{proposalHeadline(p, snapshot)}</span>
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        {p.authorName}: {p.reason.length > 80 ? `${p.reason.slice(0, 79)}…` : p.reason}
                        {isStaleNow(p, snapshot) ? " · stale" : ""}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {!open.length && <p className="text-sm text-slate-500 dark:text-slate-400">No open proposals.</p>}
      </div>
    </PanelFrame>
  );
}
