import type { z } from "zod";
import type { BoardId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import type { ServiceResult } from "../../lib/protocol/appServices";
import type { Role } from "../../lib/protocol/roles";
import { fail } from "../services/serviceErrors";
import type { StoredWorkshop } from "../storage/workshopStore";
import { isFailure, type WorkshopContext } from "./workshopContext";

/** What a facilitator's step is handed once every check has passed. */
export interface FacilitatorCall<T> {
  actor: UserId;
  boardId: BoardId;
  role: Role;
  workshop: StoredWorkshop;
  input: T;
}

/** The answer to a caller over a workshop rate limit ("start" and "run"). */
export const slowDown = () => fail("too-many", "That was a lot at once: wait a minute and try again.");

/**
 * The head every facilitator's step shares (docs/workshops.md): the caller's role on the board,
 * the parsed input, the "run" rate limit, then, in the board's queue, the running workshop and
 * whether the caller may run it. Only then does `run` see the call, so a refused step changes
 * nothing. The order is the answer's order: an unknown board before a bad body, a bad body
 * before the rate limit, the limit before the workshop is read.
 */
export function facilitatorSteps(ctx: WorkshopContext) {
  return function facilitatorStep<S extends z.ZodType, R>(schema: S, run: (call: FacilitatorCall<z.infer<S>>) => Promise<ServiceResult<R>>) {
    return async (actor: UserId, boardId: BoardId, workshopId: string, input: unknown): Promise<ServiceResult<R>> => {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      const parsed = schema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!ctx.limits.take(actor, "run")) return slowDown();
      return ctx.queue.run(boardId, async () => {
        const workshop = await ctx.runningOne(boardId, workshopId);
        if (isFailure(workshop)) return workshop;
        if (!ctx.mayRun(actor, role, workshop)) return ctx.notFacilitator();
        return run({ actor, boardId, role, workshop, input: parsed.data as z.infer<S> });
      });
    };
  };
}

export type FacilitatorStep = ReturnType<typeof facilitatorSteps>;
