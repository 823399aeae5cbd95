"use client";

import { useState } from "react";
import { canEditRoadmap } from "../../lib/protocol/roles";
import { useLaneAccess } from "./laneAccess";
import { useTeamTools } from "./teamsContext";

/**
 * A lane's owners in board setup (docs/teams.md): board owners tick the members (editors and
 * owners) who form the lane's team; everyone else sees who they are.
 */
export function LaneOwnersPicker({ laneId, laneName }: { laneId: string; laneName: string }) {
  const tools = useTeamTools();
  const access = useLaneAccess();
  const [problem, setProblem] = useState<string | null>(null);
  // The ticks as just clicked, until the server's answer is on the page.
  const [draft, setDraft] = useState<string[] | null>(null);
  if (!tools) return null;
  const owners = access.ownersOf(laneId);
  const ticked = draft ?? owners.map((o) => o.id);
  const summary = owners.length ? owners.map((o) => o.name).join(", ") : "No owners";
  if (!tools.canManage) {
    return (
      <span data-testid="lane-owner-names" className="w-32 truncate text-xs text-slate-500 dark:text-slate-400" title={summary}>
        {summary}
      </span>
    );
  }
  const candidates = tools.members.filter((m) => canEditRoadmap(m.role));
  const toggle = async (userId: string, on: boolean) => {
    const next = on ? [...ticked, userId] : ticked.filter((id) => id !== userId);
    setDraft(next);
    const result = await tools.board.setLaneOwners(laneId, next);
    setProblem(result.ok ? null : result.error);
    setDraft(null);
  };
  return (
    <details data-testid="lane-owners-picker" className="relative w-32">
      <summary
        aria-label={`Owners of ${laneName}: ${summary}`}
        className="cursor-pointer list-none truncate rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-400 dark:border-slate-700 dark:hover:bg-slate-800"
        title={summary}
      >
        {summary}
      </summary>
      <div className="absolute right-0 z-30 mt-1 flex w-56 flex-col gap-1 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="px-1 text-xs text-slate-500 dark:text-slate-400">The team that owns {laneName}: editors and owners of the board.</p>
        {candidates.map((m) => (
          <label key={m.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
            <input type="checkbox" checked={ticked.includes(m.id)} onChange={(e) => void toggle(m.id, e.target.checked)} />
            <span className="truncate">{m.name || m.email}</span>
          </label>
        ))}
        {problem && (
          <p role="alert" className="px-1 text-xs text-rose-700 dark:text-rose-300">
            {problem}
          </p>
        )}
      </div>
    </details>
  );
}

/** The board's lane policy, for board owners in board setup (docs/teams.md). */
export function LanePolicyField() {
  const tools = useTeamTools();
  const [problem, setProblem] = useState<string | null>(null);
  const policy = tools?.board.teams?.policy;
  if (!tools || !policy) return null;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Lanes with owners</span>
        <select
          data-testid="lane-policy"
          disabled={!tools.canManage}
          value={policy}
          onChange={async (e) => {
            const result = await tools.board.setPolicy(e.target.value === "propose" ? "propose" : "open");
            setProblem(result.ok ? null : result.error);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        >
          <option value="open">any editor may edit them</option>
          <option value="propose">only their owners edit; other editors propose</option>
        </select>
      </label>
      {problem && (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      )}
    </div>
  );
}
