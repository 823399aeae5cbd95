import { z } from "zod";
import { newBoardId, type BoardId, type UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { canManageBoard, type Role } from "../../lib/protocol/roles";
import { roleOn } from "../auth/resolveAccess";
import { mintSyncToken } from "../auth/syncTokens";
import type { Storage } from "../storage/storage";
import { templateRefSchema } from "../../lib/protocol/templateSchemas";
import { EMPTY_TEMPLATE } from "../../lib/protocol/templates";
import { templateStateFor } from "./boardTemplates";
import { mondayOf } from "./calendarDates";
import { boardNotFound, fail } from "./serviceErrors";

export const SERVER_ORIGIN = createOrigin("server", "waymark-server");

const createSchema = z.object({
  title: z.string().trim().min(1, "title must not be empty").max(200, "title is at most 200 characters"),
  template: templateRefSchema.optional(),
});

export interface BoardServiceDeps {
  storage: Storage;
  secret: string;
  now: () => Date;
}

/** Boards: list, create, open (role check), delete, and sync tokens. */
export function boardServices({ storage, secret, now }: BoardServiceDeps, onDeleted: (id: BoardId) => Promise<void>) {
  /** The actor's role, or null when the board is missing or not theirs to see. */
  async function roleOf(actor: UserId, boardId: BoardId): Promise<Role | null> {
    return (await storage.getBoard(boardId)) ? storage.roleOf(boardId, actor) : null;
  }

  const services: Pick<AppServices, "listBoards" | "createBoard" | "openBoard" | "deleteBoard" | "mintSyncToken"> = {
    listBoards: (actor) => storage.listBoardsOf(actor),
    async createBoard(actor, input) {
      const parsed = createSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!(await storage.getUser(actor))) return fail("unauthorized", "sign in to create a board");
      const { title, template = EMPTY_TEMPLATE } = parsed.data;
      const state = await templateStateFor(storage, SERVER_ORIGIN, actor, template, title, mondayOf(now()));
      if (!state.ok) return state;
      const board = await storage.createOwnedBoard({ id: newBoardId(), title, ownerId: actor }, state.value);
      return ok(board);
    },
    async openBoard(actor, boardId) {
      const board = await storage.getBoard(boardId);
      const role = board ? await roleOn(storage, actor, boardId) : null;
      if (!board || !role) return boardNotFound();
      const scenario = await storage.getScenario(boardId);
      if (!scenario) return ok({ board, role });
      const [author, planRole] = await Promise.all([storage.getUser(scenario.createdBy), roleOn(storage, actor, scenario.planId)]);
      if (!planRole) return boardNotFound();
      return ok({ board, role, scenario: { ...scenario, createdByName: author?.name || "Former member", planRole } });
    },
    async deleteBoard(actor, boardId) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canManageBoard(role)) return fail("forbidden", "only an owner can delete this board");
      // A plan's scenarios go with it (ON DELETE CASCADE): their rooms close too.
      const scenarios = await storage.listScenarios(boardId);
      await storage.deleteBoard(boardId);
      await onDeleted(boardId);
      for (const scenario of scenarios) await onDeleted(scenario.id);
      return ok(undefined);
    },
    async mintSyncToken(actor, boardId) {
      const opened = await services.openBoard(actor, boardId);
      if (!opened.ok) return opened;
      const { token, expiresAt } = mintSyncToken(secret, actor, boardId, now().getTime());
      return ok({ token, expiresAt: new Date(expiresAt).toISOString() });
    },
  };
  return { services, roleOf };
}
