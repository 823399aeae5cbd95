import type { ConflictBadge } from "../derive/conflictIndex";
import type { Severity } from "../derive/types";
import { INK } from "./palette";
import type { Shape } from "./scene";
import { textWidth } from "./textWidth";

/** SEVERITY_DOT's colours (components/roadmap/conflicts/conflictLabels.ts). */
export const SEVERITY_FILL: Record<Severity, string> = { error: "#f43f5e", warning: "#f59e0b", info: "#0ea5e9" };
/** The badge's radius: the screen's 14 px dot at half size. */
export const BADGE_R = 3.5;

/** A conflict badge (ItemBar, TimelineHeader): the count in a dot of the worst severity, ringed white. */
export function drawBadge(out: Shape[], badge: Pick<ConflictBadge, "severity" | "count">, cx: number, cy: number) {
  out.push({ kind: "circle", cx, cy, r: BADGE_R + 1, fill: INK.paper }, { kind: "circle", cx, cy, r: BADGE_R, fill: SEVERITY_FILL[badge.severity] });
  const count = badge.count > 99 ? "99+" : String(badge.count);
  out.push({ kind: "text", x: cx - textWidth(count, 4.5, 600) / 2, y: cy + 4.5 * 0.36, text: count, size: 4.5, weight: 600, fill: INK.paper });
}
