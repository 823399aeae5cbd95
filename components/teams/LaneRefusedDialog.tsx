"use client";

import { useState } from "react";
import { LANE_REFUSED_CLOSE, LANE_REFUSED_PREFIX } from "../../lib/protocol/teams";
import { Dialog } from "../ui/Dialog";

/**
 * The sync server refused an edit of a lane owned by another team (docs/teams.md): the board
 * page stopped such edits itself, so this happens only when the owners or the policy changed
 * while the edit was on its way (or offline). The unsaved copy is gone already (the connection
 * closed for good); a reload brings the board as everyone else has it.
 */
export function LaneRefusedDialog({ closed }: { closed: { code: number; reason: string } | null }) {
  const [dismissed, setDismissed] = useState(false);
  const open = !dismissed && closed?.code === LANE_REFUSED_CLOSE && closed.reason.startsWith(LANE_REFUSED_PREFIX);
  const why = closed?.reason.slice(LANE_REFUSED_PREFIX.length).replace(/^:\s*/, "") ?? "";
  return (
    <Dialog open={open} title="Your last change was not saved" onClose={() => setDismissed(true)} testId="lane-refused">
      <div className="flex flex-col gap-4 px-5 py-4 text-sm">
        <p>{why ? why.charAt(0).toUpperCase() + why.slice(1) + "." : "It reached a lane owned by another team."}</p>
        <p className="text-slate-600 dark:text-slate-300">
          Who owns a lane changed while you were editing. Reload to see the board as everyone else has it; then propose the change to the lane&apos;s owners.
        </p>
        <div className="flex justify-end">
          <button
            type="button"
            data-testid="lane-refused-reload"
            onClick={() => window.location.reload()}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
          >
            Reload the board
          </button>
        </div>
      </div>
    </Dialog>
  );
}
