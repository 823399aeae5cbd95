import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalChange } from "../../lib/protocol/proposals";

/**
 * A proposal in words, for the first comment of its thread and the answers (docs/teams.md
 * "Proposals"): what it would change, with the board's names for lanes and phases.
 */
export function describeChange(change: ProposalChange, snapshot: BoardSnapshot): string {
  const lane = (id: string | null | undefined) => snapshot.lanes.find((l) => l.id === id)?.name ?? "no lane";
  const phase = (id: string | null | undefined) => (id ? (snapshot.phases.find((p) => p.id === id)?.name ?? "a deleted phase") : "no phase");
  if (change.kind === "remove") return "remove this item";
  const f = change.kind === "create" ? { ...change.item, laneId: change.laneId } : change.fields;
  const parts: string[] = [];
  if (f.title !== undefined) parts.push(`title “${f.title}”`);
  if (f.start !== undefined) parts.push(f.start === null ? "start after its dependencies" : `start ${f.start}`);
  if (f.duration !== undefined) parts.push(`${f.duration} working day${f.duration === 1 ? "" : "s"}`);
  if (f.phaseId !== undefined) parts.push(`phase ${phase(f.phaseId)}`);
  if (f.laneId !== undefined) parts.push(`lane ${lane(f.laneId)}`);
  if (f.scope !== undefined) parts.push("new scope");
  return change.kind === "create" ? `add “${change.item.title}” (${parts.slice(1).join(", ")})` : parts.join(", ");
}
