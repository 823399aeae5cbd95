import type { ItemPatch, NewItem } from "../../lib/model/itemCommands";
import type { ProposedFields } from "../../lib/protocol/proposals";
import type { ProposalDraft } from "./ProposeDialog";

/**
 * An edit the lane rules stopped, as the proposal it could become (docs/teams.md "Proposals"):
 * the fields a proposal may change, or null when the edit touched none of them (a status, an
 * owner: those stay with the lane's team).
 */
export function draftOfPatch(itemId: string, patch: ItemPatch): ProposalDraft | null {
  const fields: Partial<ProposedFields> = {};
  if (patch.title !== undefined) fields.title = patch.title;
  if (patch.start !== undefined) fields.start = patch.start as ProposedFields["start"];
  if (patch.duration !== undefined) fields.duration = patch.duration;
  if (patch.phaseId !== undefined) fields.phaseId = patch.phaseId as ProposedFields["phaseId"];
  if (patch.laneId !== undefined && patch.laneId !== null) fields.laneId = patch.laneId as ProposedFields["laneId"];
  return Object.keys(fields).length ? { kind: "change", itemId, fields } : null;
}

/** A new item stopped in a lane owned by others: proposed in that lane instead. */
export function draftOfCreate(input: NewItem): ProposalDraft | null {
  if (!input.laneId) return null;
  return {
    kind: "create",
    laneId: input.laneId,
    item: { title: input.title, start: input.start ?? null, ...(input.duration !== undefined ? { duration: input.duration } : {}), phaseId: input.phaseId ?? null },
  };
}
