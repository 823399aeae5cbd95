import { SEVERITY_RANK } from "./conflicts/order";
import type { Conflict, ConflictKind, Severity } from "./types";

/** What a bar or a milestone shows about the conflicts it is part of. */
export interface ConflictBadge {
  /** The worst severity among them. */
  severity: Severity;
  count: number;
  /** Their messages, one per line, for the tooltip. */
  text: string;
}

export interface ConflictIndex {
  counts: Record<Severity, number>;
  /** Object id (item, milestone, lane, …) → its badge. */
  badges: ReadonlyMap<string, ConflictBadge>;
  /** Object id → the conflicts it is part of, in the derived order. */
  byObject: ReadonlyMap<string, readonly Conflict[]>;
  /** Conflicts grouped by kind, groups in the order their first conflict appears. */
  groups: { kind: ConflictKind; conflicts: Conflict[] }[];
  /** Ids of dependencies a conflict names as not respected or part of a cycle: drawn red. */
  brokenLinks: ReadonlySet<string>;
}

const BROKEN_LINK_KINDS: ReadonlySet<ConflictKind> = new Set(["dependency-violated", "dependency-cycle"]);

/**
 * Indexes the derived conflicts once per derivation (the screen's badges and red links, and the
 * PDF and PNG export's, lib/render/timelineScene.ts), so every bar looks its badge up in O(1)
 * instead of scanning the list (2,000 bars × hundreds of conflicts would be felt).
 */
export function indexConflicts(conflicts: readonly Conflict[], dependencyIds: ReadonlySet<string>): ConflictIndex {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byObject = new Map<string, Conflict[]>();
  const groups = new Map<ConflictKind, Conflict[]>();
  const brokenLinks = new Set<string>();
  for (const conflict of conflicts) {
    counts[conflict.severity]++;
    const group = groups.get(conflict.kind);
    if (group) group.push(conflict);
    else groups.set(conflict.kind, [conflict]);
    // An object can be named twice by one conflict (an item depending on itself): count it once.
    for (const id of new Set(conflict.objectIds)) {
      const list = byObject.get(id);
      if (list) list.push(conflict);
      else byObject.set(id, [conflict]);
      if (BROKEN_LINK_KINDS.has(conflict.kind) && dependencyIds.has(id)) brokenLinks.add(id);
    }
  }
  const badges = new Map<string, ConflictBadge>();
  for (const [id, list] of byObject) {
    let severity: Severity = "info";
    for (const c of list) if (SEVERITY_RANK[c.severity] < SEVERITY_RANK[severity]) severity = c.severity;
    badges.set(id, { severity, count: list.length, text: list.map((c) => c.message).join("\n") });
  }
  return {
    counts,
    badges,
    byObject,
    groups: [...groups].map(([kind, list]) => ({ kind, conflicts: list })),
    brokenLinks,
  };
}
