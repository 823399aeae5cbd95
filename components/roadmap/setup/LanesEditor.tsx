"use client";

import type * as Y from "yjs";
import type { LaneId } from "../../../lib/model/ids";
import { addLane, removeLane, reorderLane, updateLane } from "../../../lib/model/laneCommands";
import type { CommandOrigin } from "../../../lib/model/origin";
import type { Lane } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { controlClass } from "../../ui/Field";
import { useLaneAccess } from "../../teams/laneAccess";
import { LaneOwnersPicker, LanePolicyField } from "../../teams/LaneOwnersPicker";
import { AddByNameForm, beforeIdForStep, deleteButtonClass, MoveButtons, ProblemLine, useCommandProblem } from "./setupParts";

interface LanesEditorProps {
  /** In board order. */
  lanes: readonly Lane[];
  doc: Y.Doc;
  origin: CommandOrigin;
}

/**
 * The board's lanes (teams or workstreams): name, colour, capacity and order, each change one
 * lane command. A lane that still holds items is not deleted (the command says how many).
 */
export function LanesEditor({ lanes, doc, origin }: LanesEditorProps) {
  const [problem, run] = useCommandProblem();
  const access = useLaneAccess();
  const ids = lanes.map((l) => l.id);
  const move = (index: number, step: -1 | 1) => {
    const before = beforeIdForStep(ids, index, step);
    return before === undefined ? null : () => run(reorderLane(doc, origin, ids[index] as LaneId, before as LaneId | null));
  };
  return (
    <div data-testid="lanes-editor" className="flex flex-col gap-3">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        The teams or workstreams, top to bottom. Capacity is the effort a lane can take on per working day; the board warns when its items need more.
      </p>
      <div aria-hidden className="flex gap-2 text-xs font-medium text-slate-500 dark:text-slate-400">
        <span className="w-[4.25rem]" />
        <span className="w-9">Colour</span>
        <span className="flex-1">Name</span>
        <span className="w-20">Capacity</span>
        <span className="w-32">Owners</span>
        <span className="w-[3.75rem]" />
      </div>
      <ul className="flex flex-col gap-2">
        {lanes.map((lane, index) => (
          <li key={lane.id} data-testid="lane-row" className="flex items-center gap-2">
            {/* A lane owned by another team is theirs to rename, reorder or delete (docs/teams.md). */}
            <fieldset disabled={!access.mayEditLane(lane.id)} className="contents">
            <MoveButtons name={lane.name} onUp={move(index, -1)} onDown={move(index, 1)} />
            <input
              aria-label={`Colour of ${lane.name}`}
              type="color"
              value={lane.color}
              onChange={(e) => run(updateLane(doc, origin, lane.id, { color: e.target.value }))}
              className="h-8 w-9 cursor-pointer rounded border border-slate-300 bg-transparent dark:border-slate-700"
            />
            <CommitInput aria-label="Lane name" value={lane.name} maxLength={200} onCommit={(value) => run(updateLane(doc, origin, lane.id, { name: value }))} className={`min-w-0 flex-1 ${controlClass}`} />
            <CommitInput
              aria-label={`Capacity of ${lane.name}`}
              type="number"
              min={0}
              step="0.5"
              value={String(lane.capacity)}
              onCommit={(raw) => run(updateLane(doc, origin, lane.id, { capacity: raw.trim() === "" ? Number.NaN : Number(raw) }))}
              className={`w-20 ${controlClass}`}
            />
            </fieldset>
            <LaneOwnersPicker laneId={lane.id} laneName={lane.name} />
            <fieldset disabled={!access.mayEditLane(lane.id)} className="contents">
            <button type="button" aria-label={`Delete lane ${lane.name}`} onClick={() => run(removeLane(doc, origin, lane.id))} className={deleteButtonClass}>
              Delete
            </button>
            </fieldset>
          </li>
        ))}
      </ul>
      <LanePolicyField />
      <AddByNameForm label="New lane name" placeholder="New lane…" button="Add lane" onAdd={(name) => run(addLane(doc, origin, { name }))} />
      <ProblemLine problem={problem} />
    </div>
  );
}
