import type * as Y from "yjs";
import type { z } from "zod";
import { isDateString } from "./dates";
import { boardMap } from "./docLayout";
import { describeIssues } from "./issues";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { boardSettingsSchema } from "./schemas";
import { transact } from "./transact";

export const boardPatchSchema = boardSettingsSchema
  .extend({ title: boardSettingsSchema.shape.title.trim().min(1, "title is required") })
  .partial()
  .strict();
export type BoardPatch = z.input<typeof boardPatchSchema>;

/** Changes board-wide settings: title, goal, horizon, calendar, time scale. */
export function updateBoard(doc: Y.Doc, origin: CommandOrigin, patch: BoardPatch): Result<void> {
  const parsed = boardPatchSchema.safeParse(patch);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const map = boardMap(doc);
  // The horizon must still run forwards once the patch lands on the current settings. Only
  // concurrent edits may produce a reversed horizon; the derive layer reports that.
  const start = parsed.data.horizonStart ?? map.get("horizonStart");
  const end = parsed.data.horizonEnd ?? map.get("horizonEnd");
  if ((parsed.data.horizonStart || parsed.data.horizonEnd) && typeof start === "string" && typeof end === "string" && isDateString(start) && isDateString(end) && end < start) {
    return err(`horizon: the end (${end}) is before the start (${start})`);
  }
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) map.set(key, value);
  });
  return ok(undefined);
}
