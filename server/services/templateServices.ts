import { randomBytes } from "node:crypto";
import { exportBoardFile } from "../../lib/io/boardFile";
import { newBoardId, type BoardId, type UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { BUILT_IN_TEMPLATES } from "../../lib/model/templates/gallery";
import type { AppServices } from "../../lib/protocol/appServices";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { saveTemplateInputSchema } from "../../lib/protocol/templateSchemas";
import { EMPTY_TEMPLATE, TEMPLATE_LIMITS, USER_TEMPLATE_PREFIX } from "../../lib/protocol/templates";
import { VersionLimits } from "../history/versionLimits";
import type { Storage } from "../storage/storage";
import { stateFromFile } from "./boardTemplates";
import { boardNotFound, fail } from "./serviceErrors";
import type { WithLiveBoard } from "./versionServices";

export type TemplateServices = Pick<AppServices, "templateGallery" | "duplicateBoard" | "saveAsTemplate" | "deleteTemplate">;

const TOO_MANY = "That was a lot of copies at once: wait a minute and try again.";

/**
 * The gallery, duplicating a board and templates of one's own (issue 18). Copies go through the
 * board file (lib/io/boardFile.ts), so a copy holds what an export holds: the whole document,
 * descriptions included, but not comments, versions or history, which belong to the original.
 */
export function templateServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  now: () => Date;
  limits?: VersionLimits;
}): TemplateServices {
  const { storage, roleOf, withLiveBoard, now } = deps;
  const limits = deps.limits ?? new VersionLimits();

  return {
    async templateGallery(actor) {
      const own = await storage.listUserTemplates(actor);
      return ok({
        builtIn: [
          { id: EMPTY_TEMPLATE, name: "Empty board", summary: "The method's six lanes and five phases, nothing planned yet." },
          ...BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, name: t.name, summary: t.summary })),
        ],
        own: own.map((t) => ({ id: `${USER_TEMPLATE_PREFIX}${t.id}`, name: t.name, summary: "Your template", createdAt: t.createdAt })),
      });
    },

    async duplicateBoard(actor, boardId) {
      // Anyone who can see the board may copy it: a viewer could rebuild it by hand anyway.
      const role = await roleOf(actor, boardId);
      const board = role ? await storage.getBoard(boardId) : null;
      if (!role || !board) return boardNotFound();
      if (!limits.take(actor, "copy")) return fail("too-many", TOO_MANY);
      const file = await withLiveBoard(boardId, (live) => exportBoardFile(live.doc));
      const title = `Copy of ${board.title}`.slice(0, 200);
      const state = stateFromFile(file, createOrigin("server", actor), title);
      const copy = await storage.createOwnedBoard({ id: newBoardId(), title, ownerId: actor }, state);
      return ok(copy);
    },

    async saveAsTemplate(actor, boardId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canEditRoadmap(role)) return fail("forbidden", "Only editors and owners can save this board as a template.");
      const parsed = saveTemplateInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if ((await storage.listUserTemplates(actor)).length >= TEMPLATE_LIMITS.perPerson)
        return fail("conflict", `You have ${TEMPLATE_LIMITS.perPerson} templates, the most one person can keep: delete one first.`);
      if (!limits.take(actor, "copy")) return fail("too-many", TOO_MANY);
      const body = await withLiveBoard(boardId, (live) => JSON.stringify(exportBoardFile(live.doc)));
      if (Buffer.byteLength(body) > TEMPLATE_LIMITS.bytes)
        return fail("invalid", `This board is too large to keep as a template (at most ${TEMPLATE_LIMITS.bytes / 1_000_000} MB); duplicate it instead.`);
      const record = { id: randomBytes(9).toString("base64url"), ownerId: actor, name: parsed.data.name, createdAt: now().toISOString(), body };
      await storage.createUserTemplate(record);
      return ok({ id: `${USER_TEMPLATE_PREFIX}${record.id}`, name: record.name, summary: "Your template", createdAt: record.createdAt });
    },

    async deleteTemplate(actor, templateId) {
      const id = typeof templateId === "string" && templateId.startsWith(USER_TEMPLATE_PREFIX) ? templateId.slice(USER_TEMPLATE_PREFIX.length) : null;
      if (!id || id.length > 100 || !(await storage.deleteUserTemplate(actor, id))) return fail("not-found", "no such template of yours");
      return ok(undefined);
    },
  };
}
