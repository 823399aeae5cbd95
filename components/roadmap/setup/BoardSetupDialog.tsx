"use client";

import { useState } from "react";
import type * as Y from "yjs";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { CommandOrigin } from "../../../lib/model/origin";
import { Dialog } from "../../ui/Dialog";
import { BoardSettingsEditor } from "./BoardSettingsEditor";
import { LanesEditor } from "./LanesEditor";
import { MilestonesEditor } from "./MilestonesEditor";
import { PhasesEditor } from "./PhasesEditor";

export type SetupTab = "board" | "lanes" | "phases" | "milestones";
const TABS: [SetupTab, string][] = [
  ["lanes", "Lanes"],
  ["phases", "Phases"],
  ["milestones", "Milestones"],
  ["board", "Goal & calendar"],
];

interface BoardSetupDialogProps {
  snapshot: BoardSnapshot;
  doc: Y.Doc;
  origin: CommandOrigin;
  onClose: () => void;
}

/**
 * The board's settings and structure (goal, horizon, calendar; lanes, phases, milestones), edited in place while everyone keeps
 * working: the lists are the live snapshot, so a colleague's change shows here at once.
 */
export function BoardSetupDialog({ snapshot, doc, origin, onClose }: BoardSetupDialogProps) {
  const [tab, setTab] = useState<SetupTab>("lanes");
  return (
    <Dialog open title="Board setup" onClose={onClose} width="max-w-2xl" testId="board-setup">
      <div role="tablist" aria-label="Board setup" className="flex gap-4 border-b border-slate-200 px-5 text-sm dark:border-slate-800">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 py-2 font-medium ${tab === id ? "border-indigo-500 text-slate-900 dark:text-slate-100" : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {label}
          </button>
        ))}
      </div>
      {/* A steady height, so the dialog does not jump when a tab with fewer rows is chosen. */}
      <div role="tabpanel" className="min-h-96 overflow-y-auto px-5 py-4">
        {tab === "board" && <BoardSettingsEditor board={snapshot.board} doc={doc} origin={origin} />}
        {tab === "lanes" && <LanesEditor lanes={snapshot.lanes} doc={doc} origin={origin} />}
        {tab === "phases" && <PhasesEditor phases={snapshot.phases} milestones={snapshot.milestones} doc={doc} origin={origin} />}
        {tab === "milestones" && <MilestonesEditor milestones={snapshot.milestones} doc={doc} origin={origin} defaultDate={snapshot.board.horizonStart} />}
      </div>
    </Dialog>
  );
}
