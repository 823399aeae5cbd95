import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalBase, ProposalView } from "../../lib/protocol/proposals";
import { countOf } from "../../lib/format/plural";
import { formatLongDate } from "../roadmap/labels";
import { currentValues, isStaleNow } from "./proposalGhosts";

/** One field of a proposal in words: what it was when proposed, what it is now, what is proposed. */
export interface ProposalLine {
  field: string;
  label: string;
  before: string;
  now: string;
  proposed: string;
}

const LABELS: Record<string, string> = { title: "Title", start: "Start", duration: "Duration", phaseId: "Phase", laneId: "Lane", scope: "Scope" };
const ORDER = ["title", "start", "duration", "laneId", "phaseId", "scope"];

function word(field: string, value: unknown, snapshot: BoardSnapshot): string {
  if (value === undefined) return "—";
  if (field === "start") return value === null ? "after its dependencies" : formatLongDate(String(value));
  if (field === "duration") return countOf(Number(value), "working day");
  if (field === "laneId") return snapshot.lanes.find((l) => l.id === value)?.name || "a deleted lane";
  if (field === "phaseId") return value === null ? "no phase" : snapshot.phases.find((p) => p.id === value)?.name || "a deleted phase";
  if (field === "scope") return String(value).trim() ? String(value) : "(empty)";
  return `“${String(value)}”`;
}

/** A short headline: "Move API gateway", "Remove API gateway", "New item “Cache” in Platform". */
export function proposalHeadline(p: ProposalView, snapshot: BoardSnapshot): string {
  const { change } = p;
  if (change.kind === "create") return `New item “${change.item.title}” in ${snapshot.lanes.find((l) => l.id === change.laneId)?.name || "a deleted lane"}`;
  const title = snapshot.items.find((i) => i.id === change.itemId)?.title || "a deleted item";
  return change.kind === "remove" ? `Remove “${title}”` : `Change “${title}”`;
}

/** Each proposed field with its before, now and proposed value (a removal: none). */
export function proposalLines(p: ProposalView, snapshot: BoardSnapshot): ProposalLine[] {
  const { change } = p;
  if (change.kind === "remove") return [];
  const proposed: Record<string, unknown> = change.kind === "create" ? { ...change.item } : { ...change.fields };
  const now: ProposalBase = change.kind === "create" ? { exists: false } : currentValues(p, snapshot);
  return ORDER.filter((f) => proposed[f] !== undefined).map((field) => {
    const key = field as Exclude<keyof ProposalBase, "exists">;
    return {
      field,
      label: LABELS[field] ?? field,
      before: change.kind === "create" ? "—" : word(field, p.base[key], snapshot),
      now: change.kind === "create" ? "—" : word(field, now[key], snapshot),
      proposed: word(field, proposed[field], snapshot),
    };
  });
}

export { isStaleNow };
