import type { ReactNode } from "react";
import type { RoadmapViewKind } from "./viewParam";
import { VIEW_PANEL_ID, viewTabId } from "./ViewSwitcher";

/**
 * The area the view tabs control: the timeline (children) or one of the other views of the same
 * document. Elements of the views not shown are never rendered, only described. Positioned, so
 * what floats over a view (the follow pill over the timeline) can place itself.
 */
export function ViewPanel({ view, phases, table, children }: { view: RoadmapViewKind; phases: ReactNode; table: ReactNode; children: ReactNode }) {
  return (
    <div className="relative min-w-0 flex-1" role="tabpanel" id={VIEW_PANEL_ID} aria-labelledby={viewTabId(view)}>
      {view === "phases" ? phases : view === "table" ? table : children}
    </div>
  );
}
