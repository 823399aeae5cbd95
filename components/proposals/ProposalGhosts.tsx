"use client";

import { memo, useMemo } from "react";
import type { WorkCalendar } from "../../lib/derive/calendar";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import { BAR_HEIGHT, type TimelineGeometry } from "../roadmap/timeline/geometry";
import type { CanvasWindow } from "../roadmap/timeline/useCanvasWindow";
import { formatDateSpan } from "../roadmap/labels";
import { proposalGhosts } from "./proposalGhosts";
import { useProposalsContext } from "./proposalsContext";

interface ProposalGhostsProps {
  geometry: TimelineGeometry;
  calendar: WorkCalendar;
  snapshot: BoardSnapshot;
  /** The part of the canvas drawn: ghosts outside it are left out of the DOM, as bars are. */
  view: CanvasWindow | null;
}

const KIND_WORDS = { change: "proposes", remove: "proposes removing", create: "proposes a new item" } as const;

/**
 * Each open proposal as a dashed ghost bar at the proposed dates in its lane, under the bars
 * (docs/teams.md "Proposals"). A ghost is a button: it opens the proposal, with who proposed
 * it, why, and the answers the reader may give. A stale one is amber.
 */
export const ProposalGhosts = memo(function ProposalGhosts({ geometry, calendar, snapshot, view }: ProposalGhostsProps) {
  const { open, show } = useProposalsContext();
  const ghosts = useMemo(() => proposalGhosts(geometry, calendar, snapshot, open), [geometry, calendar, snapshot, open]);
  const shown = view ? ghosts.filter((g) => g.left < view.right && g.left + g.width > view.left) : ghosts;
  if (!shown.length) return null;
  return (
    <div className="absolute inset-0" data-testid="proposal-ghosts" style={{ pointerEvents: "none" }}>
      {shown.map((g) => {
        const label = `${g.authorName} ${KIND_WORDS[g.kind]}: ${g.title}, ${formatDateSpan(g.start, g.finish)}${g.stale ? " (stale: the item changed since)" : ""}`;
        return (
          <button
            key={g.proposalId}
            type="button"
            data-testid="proposal-ghost"
            data-proposal-id={g.proposalId}
            data-start={g.start}
            data-finish={g.finish}
            data-stale={g.stale}
            aria-label={label}
            title={label}
            // The canvas would start a drag or a new item on the empty lane space under it.
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => show(g.proposalId)}
            className={`pointer-events-auto absolute truncate rounded-md border-2 border-dashed px-1.5 text-left text-[11px] font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
              g.stale
                ? "border-amber-500 bg-amber-100/50 text-amber-900 dark:bg-amber-900/30 dark:text-amber-100"
                : "border-indigo-400 bg-indigo-100/40 text-indigo-900 dark:border-indigo-400 dark:bg-indigo-900/30 dark:text-indigo-100"
            } ${g.kind === "remove" ? "line-through" : ""}`}
            style={{ left: g.left, top: g.top, width: g.width, height: BAR_HEIGHT - 4 }}
          >
            {g.authorName}: {g.title}
          </button>
        );
      })}
    </div>
  );
});
