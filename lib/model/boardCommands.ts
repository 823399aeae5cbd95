import type * as Y from "yjs";
import { boardMap } from "./docLayout";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { boardSettingsSchema } from "./schemas";
import { transact } from "./transact";

export const boardPatchSchema = boardSettingsSchema
  .extend({ title: boardSettingsSchema.shape.title.trim().min(1, "title is required") })
  .partial()
  .strict();
export type BoardPatch = Parameters<typeof boardPatchSchema.parse>[0];

/** Changes board-wide settings: title, goal, horizon, calendar, time scale. */
export function updateBoard(doc: Y.Doc, origin: CommandOrigin, patch: BoardPatch): Result<void> {
  const parsed = boardPatchSchema.safeParse(patch);
  if (!parsed.success) return err(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const map = boardMap(doc);
  transact(doc, origin, () => {
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) map.set(key, value);
  });
  return ok(undefined);
}
