import { countOf } from "../../../lib/format/plural";
import type { HistoryEntry } from "../../../lib/protocol/history";
import type { Version } from "../history/versionsApi";
import { versionTitle } from "./versionWords";

/** One recorded change of the board-wide history (GET /api/boards/<id>/history, oldest first). */
export type BoardChange = HistoryEntry;

/** A place on the replay's slider: a version, or the changes one person made at one moment. */
export type HistoryStep =
  | { key: string; kind: "version"; at: string; version: Version }
  | { key: string; kind: "change"; at: string; changes: BoardChange[] };

/**
 * The replay's steps, oldest first: every version and every recorded change, a person's changes
 * at the same moment joined into one step (one drag that moved three items is one step). A
 * version at the same moment as a change comes first: an automatic version is the board as it
 * was just BEFORE the edit that caused it.
 */
export function buildSteps(versions: readonly Version[], changes: readonly BoardChange[]): HistoryStep[] {
  const steps: HistoryStep[] = versions.map((version) => ({ key: `v:${version.id}`, kind: "version", at: version.createdAt, version }));
  const seen = new Set<string>();
  let last: Extract<HistoryStep, { kind: "change" }> | null = null;
  for (const change of [...changes].sort((a, b) => compareMoments(a.at, b.at))) {
    // Pages of the history API can overlap at their edges.
    if (seen.has(change.id)) continue;
    seen.add(change.id);
    if (last && last.at === change.at && last.changes[0]!.user.id === change.user.id) last.changes.push(change);
    else steps.push((last = { key: `c:${change.id}`, kind: "change", at: change.at, changes: [change] }));
  }
  const rank = (s: HistoryStep) => (s.kind === "version" ? 0 : 1);
  return steps.sort((a, b) => compareMoments(a.at, b.at) || rank(a) - rank(b));
}

/**
 * The moment whose board a step shows. A version: exactly its time (the board as the version
 * has it). A change: just before the next step, or now for the last one, so the change itself
 * (recorded when the server saw it, stored a moment later) is surely in.
 */
export function stepMoment(steps: readonly HistoryStep[], index: number, now: Date): string {
  const step = steps[index];
  if (!step) return now.toISOString();
  if (step.kind === "version") return step.at;
  const next = steps[index + 1];
  const until = next ? Date.parse(next.at) - 1 : now.getTime();
  return new Date(Math.max(until, Date.parse(step.at))).toISOString();
}

/** The step shown for a version (to open the replay there); the newest step when it is not found. */
export function stepOfVersion(steps: readonly HistoryStep[], versionId: string | null): number {
  const at = versionId === null ? -1 : steps.findIndex((s) => s.kind === "version" && s.version.id === versionId);
  return at >= 0 ? at : steps.length - 1;
}

const VERBS: Record<string, string> = { added: "added", moved: "moved", edited: "changed", deleted: "deleted" };
const NOUNS: Record<string, string> = { item: "item", milestone: "milestone", lane: "lane", phase: "phase", dependency: "link", board: "board settings" };
const FIELD_WORDS: Record<string, string> = {
  title: "title",
  name: "name",
  start: "start",
  duration: "duration",
  laneId: "lane",
  phaseId: "phase",
  status: "status",
  priority: "priority",
  owners: "owners",
  tags: "tags",
  deadlineMilestoneId: "deadline",
  description: "description",
  date: "date",
  kind: "kind",
  color: "colour",
  capacity: "capacity",
  lag: "lag",
  horizonStart: "horizon",
  horizonEnd: "horizon",
  workingDays: "working days",
  holidays: "holidays",
  order: "order",
};

/** What one change did to what, without its fields: "moved item “Pilot signage”". */
export function changeHeadline(change: BoardChange): string {
  const verb = VERBS[change.kind] ?? change.kind;
  const noun = NOUNS[change.objectKind] ?? change.objectKind;
  return `${verb} ${change.objectKind === "board" ? `the ${noun}` : `${noun} “${change.objectTitle}”`}`;
}

/**
 * One change in a line, for the slider's spoken value: "moved item “Pilot signage” (start,
 * lane)". Who made it is the step's, said once.
 */
export function describeChange(change: BoardChange): string {
  const fields = change.kind === "edited" || change.kind === "moved" ? [...new Set(change.fields.map((f) => FIELD_WORDS[f.field] ?? f.field))] : [];
  return `${changeHeadline(change)}${fields.length ? ` (${fields.join(", ")})` : ""}`;
}

/** Who acted at a step: the person of its changes, or the version's author. */
export function stepWho(step: HistoryStep): string | null {
  return step.kind === "change" ? step.changes[0]!.user.name : step.version.authorName;
}

/** A step in one phrase, for the slider's spoken value: "Version “Plan A”" or "Ana moved item “Pilot”" (+ "and 2 more changes"). */
export function stepSummary(step: HistoryStep): string {
  if (step.kind === "version") return step.version.name ? `Version “${step.version.name}”` : versionTitle(step.version);
  const [first, ...rest] = step.changes;
  const more = rest.length ? ` and ${countOf(rest.length, "more change")}` : "";
  return `${first!.user.name} ${describeChange(first!)}${more}`;
}

/** ISO instants of one server compare as text, but a client's may carry an offset: compare as times. */
function compareMoments(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
