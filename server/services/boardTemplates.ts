import * as Y from "yjs";
import { parseBoardFile, writeBoardFile, type BoardFile } from "../../lib/io/boardFile";
import { shiftBoardFile } from "../../lib/io/shiftBoardFile";
import { updateBoard } from "../../lib/model/boardCommands";
import { addCalendarDays, toDayNumber, type DateString } from "../../lib/model/dates";
import type { UserId } from "../../lib/model/ids";
import type { CommandOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { initBoardFromTemplate } from "../../lib/model/template";
import { buildTemplate } from "../../lib/model/templates/buildTemplate";
import { builtInTemplate } from "../../lib/model/templates/gallery";
import type { ServiceResult } from "../../lib/protocol/appServices";
import { EMPTY_TEMPLATE, USER_TEMPLATE_PREFIX } from "../../lib/protocol/templates";
import type { Storage } from "../storage/storage";
import { fail } from "./serviceErrors";

/** A document's state, built in a scratch Y.Doc that is always destroyed. */
function stateOf(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  try {
    build(doc);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A board file written into a new document under a new title (ids kept: the document is new). */
export function stateFromFile(file: BoardFile, origin: CommandOrigin, title: string): Uint8Array {
  return stateOf((doc) => {
    writeBoardFile(doc, origin, file, { mode: "new" });
    updateBoard(doc, origin, { title });
  });
}

/**
 * The first state of a new board from the template named `ref` (lib/protocol/templates.ts):
 * the empty method board, a built-in template, or one of the actor's own, moved by whole weeks
 * so that it starts in the creation week. Anything else is invalid (422), including another
 * person's template: it is not in this actor's gallery.
 */
export async function templateStateFor(
  storage: Storage,
  origin: CommandOrigin,
  actor: UserId,
  ref: string,
  title: string,
  monday: DateString,
): Promise<ServiceResult<Uint8Array>> {
  if (ref === EMPTY_TEMPLATE)
    return ok(stateOf((doc) => initBoardFromTemplate(doc, origin, { title, horizonStart: monday, horizonEnd: addCalendarDays(monday, 7 * 52 - 3) })));
  const spec = builtInTemplate(ref);
  if (spec) return ok(stateOf((doc) => buildTemplate(doc, origin, spec, { title, monday })));
  if (ref.startsWith(USER_TEMPLATE_PREFIX)) {
    const saved = await storage.getUserTemplate(actor, ref.slice(USER_TEMPLATE_PREFIX.length));
    if (saved) {
      let raw: unknown;
      try {
        raw = JSON.parse(saved.body);
      } catch {
        return fail("invalid", "this template cannot be read any more; delete it and save it again");
      }
      const parsed = parseBoardFile(raw);
      if (!parsed.ok) return fail("invalid", `this template cannot be used: ${parsed.errors[0]}`);
      const start = toDayNumber(parsed.file.board.horizonStart);
      const weeks = Math.round((toDayNumber(monday) - start) / 7);
      const shifted = parseBoardFile(JSON.parse(JSON.stringify(shiftBoardFile(parsed.file, weeks * 7))));
      if (!shifted.ok) return fail("invalid", `this template cannot be moved to this week: ${shifted.errors[0]}`);
      return ok(stateFromFile(shifted.file, origin, title));
    }
  }
  return fail("invalid", `template: there is no template "${ref.slice(0, 100)}" in your gallery`);
}
