import type { ConflictKind, Severity, SuggestedFix } from "../../../lib/derive/types";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { formatLongDate } from "../labels";
import { countOf } from "../../../lib/format/plural";

/** Group headings in the conflicts panel: what a planner would call the problem. */
export const CONFLICT_KIND_LABELS: Record<ConflictKind, string> = {
  "dependency-cycle": "Dependency cycles",
  "dependency-violated": "Dependencies not respected",
  "missing-reference": "Missing references",
  "invalid-dates": "Invalid dates or durations",
  "deadline-missed": "Deadlines and releases missed",
  "phase-order-violated": "Phase order violated",
  "lane-over-capacity": "Lanes over capacity",
  "person-over-booked": "People over-booked",
  "outside-horizon": "Outside the board's horizon",
  "release-not-ready": "Releases not ready",
  "commitment-slipped": "Commitments slipped",
  "commitment-late": "Commitments later than needed",
};

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_LABELS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Notes" };

/**
 * One colour per severity, used by the toolbar counts, the panel and the badges alike so a red
 * dot on a bar means the same thing as a red count. Full class names so Tailwind keeps them.
 */
export const SEVERITY_DOT: Record<Severity, string> = {
  error: "bg-rose-500",
  warning: "bg-amber-500",
  info: "bg-sky-500",
};

export const SEVERITY_TEXT: Record<Severity, string> = {
  error: "text-rose-700 dark:text-rose-300",
  warning: "text-amber-700 dark:text-amber-300",
  info: "text-sky-700 dark:text-sky-300",
};

/** Severity order: the worst of several conflicts decides a badge's colour. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const quoted = (title: string | undefined) => `“${title || "Untitled item"}”`;

/** Lookups describeFix needs, built once per snapshot rather than searched per conflict. */
export interface FixNames {
  items: ReadonlyMap<string, { title: string }>;
  lanes: ReadonlyMap<string, { name: string }>;
  phases: ReadonlyMap<string, { name: string }>;
  dependencies: ReadonlyMap<string, { fromId: string; toId: string }>;
}

export function fixNames(snapshot: BoardSnapshot): FixNames {
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map<string, T>(list.map((r) => [r.id, r]));
  return {
    items: byId(snapshot.items),
    lanes: byId(snapshot.lanes),
    phases: byId(snapshot.phases),
    dependencies: byId(snapshot.dependencies),
  };
}

/**
 * What a suggested fix will do, in words, shown on the button before anyone presses it. A
 * record that is gone by now still gets a sensible phrase.
 */
export function describeFix(fix: SuggestedFix, names: FixNames): string {
  const itemTitle = (id: string) => quoted(names.items.get(id)?.title);
  switch (fix.kind) {
    case "move-item":
      return `Move ${itemTitle(fix.itemId)} to ${formatLongDate(fix.start)}`;
    case "set-duration":
      return `Set ${itemTitle(fix.itemId)} to ${countOf(fix.duration, "working day")}`;
    case "remove-dependency": {
      const dep = names.dependencies.get(fix.dependencyId);
      return dep ? `Remove the link ${itemTitle(dep.fromId)} → ${itemTitle(dep.toId)}` : "Remove the link";
    }
    case "set-item-lane": {
      const lane = fix.laneId ? names.lanes.get(fix.laneId) : undefined;
      return lane ? `Move ${itemTitle(fix.itemId)} to lane ${lane.name}` : `Clear the lane of ${itemTitle(fix.itemId)}`;
    }
    case "set-item-phase": {
      const phase = fix.phaseId ? names.phases.get(fix.phaseId) : undefined;
      return phase ? `Move ${itemTitle(fix.itemId)} to phase ${phase.name}` : `Clear the phase of ${itemTitle(fix.itemId)}`;
    }
    case "clear-item-deadline":
      return `Untie ${itemTitle(fix.itemId)} from its deadline`;
    case "clear-phase-milestone":
      return `Untie phase ${names.phases.get(fix.phaseId)?.name || "Phase"} from its milestone`;
  }
}

/** Slack in words: "Slack: 3 working days", "No slack", or "2 working days late". */
export function describeSlack(slack: number): string {
  if (slack === 0) return "No slack (critical)";
  const days = Math.abs(slack);
  return slack > 0 ? `Slack: ${countOf(days, "working day")}` : `${countOf(days, "working day")} late`;
}
