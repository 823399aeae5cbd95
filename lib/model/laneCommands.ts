import type * as Y from "yjs";
import { z } from "zod";
import { LANE_DEFAULTS } from "./defaults";
import { collection, newRecordMap, recordMap, records } from "./docLayout";
import { laneIdSchema, newLaneId, type LaneId } from "./ids";
import { countOf } from "../format/plural";
import { describeIssues } from "./issues";
import { orderAtEnd, planReorder } from "./orderKeys";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { colorSchema } from "./schemas";
import { transact } from "./transact";

export const lanePatchSchema = z
  .object({
    name: z.string().trim().min(1, "lane name is required").max(200),
    color: colorSchema,
    capacity: z.number().finite().min(0).max(10_000),
  })
  .partial()
  .strict();
export type LanePatch = z.input<typeof lanePatchSchema>;

function sortedLanes(doc: Y.Doc): { id: string; order: number }[] {
  const out: { id: string; order: number }[] = [];
  for (const [id, map] of records(doc, "lanes")) {
    const order = map.get("order");
    out.push({ id, order: typeof order === "number" && Number.isFinite(order) ? order : 0 });
  }
  return out.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** Appends a lane at the bottom of the board. */
export function addLane(
  doc: Y.Doc,
  origin: CommandOrigin,
  input: { name: string; color?: string; capacity?: number },
): Result<LaneId> {
  // `?? default` rather than spreading defaults first: an explicit `color: undefined` would
  // otherwise override the default and store a lane without a colour.
  const parsed = lanePatchSchema.safeParse({
    ...input,
    color: input.color ?? LANE_DEFAULTS.color,
    capacity: input.capacity ?? LANE_DEFAULTS.capacity,
  });
  if (!parsed.success || !parsed.data.name) return err(parsed.success ? "name: lane name is required" : describeIssues(parsed.error));
  const id = newLaneId();
  const order = orderAtEnd(sortedLanes(doc).map((l) => l.order));
  transact(doc, origin, () => collection(doc, "lanes").set(id, newRecordMap({ ...parsed.data, order })));
  return ok(id);
}

export function updateLane(doc: Y.Doc, origin: CommandOrigin, id: LaneId, patch: LanePatch): Result<void> {
  const parsed = lanePatchSchema.safeParse(patch);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const map = recordMap(doc, "lanes", id);
  if (!map) return err(`lane ${id} does not exist`);
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) map.set(key, value);
  });
  return ok(undefined);
}

/**
 * Moves a lane just before `beforeId`, or to the end when `beforeId` is null; before itself
 * is where it already is. Usually writes one order key (see planReorder).
 */
export function reorderLane(doc: Y.Doc, origin: CommandOrigin, id: LaneId, beforeId: LaneId | null): Result<void> {
  const map = recordMap(doc, "lanes", id);
  if (!map) return err(`lane ${id} does not exist`);
  if (beforeId !== null && !laneIdSchema.safeParse(beforeId).success) return err("invalid lane id");
  if (beforeId === id) return ok(undefined);
  const others = sortedLanes(doc).filter((l) => l.id !== id);
  const index = beforeId === null ? others.length : others.findIndex((l) => l.id === beforeId);
  if (index < 0) return err(`lane ${beforeId} does not exist`);
  const writes = planReorder(others, id, index);
  transact(doc, origin, () => {
    for (const [laneId, order] of writes) {
      const lane = recordMap(doc, "lanes", laneId);
      if (lane && lane.get("order") !== order) lane.set("order", order);
    }
  });
  return ok(undefined);
}

/**
 * Removes a lane. Its items move to `moveItemsTo`; without one, a lane that still holds items is
 * kept, because silently orphaning a team's work is never what the user meant.
 */
export function removeLane(
  doc: Y.Doc,
  origin: CommandOrigin,
  id: LaneId,
  moveItemsTo: LaneId | null = null,
): Result<void> {
  const lanes = collection(doc, "lanes");
  if (!lanes.has(id)) return err(`lane ${id} does not exist`);
  if (moveItemsTo !== null && (moveItemsTo === id || !recordMap(doc, "lanes", moveItemsTo))) return err("choose another existing lane for its items");
  const items = records(doc, "items").map(([, m]) => m).filter((m) => m.get("laneId") === id);
  if (items.length > 0 && moveItemsTo === null) return err(`lane still holds ${countOf(items.length, "item")}; move them first`);
  transact(doc, origin, () => {
    for (const item of items) item.set("laneId", moveItemsTo);
    lanes.delete(id);
  });
  return ok(undefined);
}
