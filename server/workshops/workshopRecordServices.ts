import { compareSnapshots } from "../../lib/history/compareSnapshots";
import { ok } from "../../lib/model/result";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { WorkshopRecord } from "../../lib/protocol/workshops";
import type { WorkshopServices } from "../services/workshopServices";
import { boardNotFound, fail } from "../services/serviceErrors";
import { VersionSnapshots } from "../history/versionSnapshots";
import type { ServiceResult } from "../../lib/protocol/appServices";
import type { BoardId, UserId } from "../../lib/model/ids";
import { isFailure, MAX_WORKSHOPS_PER_BOARD, workshopNotFound, type WorkshopContext } from "./workshopContext";
import { recordMarkdown } from "./recordMarkdown";
import { buildRecord } from "./workshopRecord";
import { summaryOf } from "./workshopViews";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The list of a board's workshops and the record of an ended one, for every member of the board. */
export function workshopRecordServices(ctx: WorkshopContext): Pick<WorkshopServices, "listWorkshops" | "workshopRecord" | "workshopRecordMarkdown"> {
  const { storage } = ctx.deps;
  const snapshots = new VersionSnapshots(4);
  const versionSnapshot = (boardId: BoardId, versionId: string | null): Promise<BoardSnapshot | null> =>
    versionId ? snapshots.get(boardId, versionId, () => storage.loadVersionState(boardId, versionId)) : Promise.resolve(null);

  async function record(actor: UserId, boardId: BoardId, workshopId: string): Promise<ServiceResult<WorkshopRecord>> {
    const role = await ctx.role(actor, boardId);
    if (isFailure(role)) return role;
    const workshop = ID.test(workshopId) ? await storage.getWorkshop(boardId, workshopId) : null;
    if (!workshop) return workshopNotFound();
    if (workshop.endedAt === null) return fail("conflict", "The workshop is still running: its record is written when it ends.");
    // Comparing two whole board states costs up to a second on a large board.
    if (!ctx.limits.take(actor, "record")) return fail("too-many", "That was a lot at once: wait a minute and try again.");
    const board = await storage.getBoard(boardId);
    if (!board) return boardNotFound();
    const [participants, votes, drafts, threads, start, end] = await Promise.all([
      storage.listParticipants(workshop.id),
      storage.listVotes(workshop.id),
      storage.listDrafts(workshop.id),
      storage.listThreads(boardId),
      versionSnapshot(boardId, workshop.startVersionId),
      versionSnapshot(boardId, workshop.endVersionId),
    ]);
    const tallies = await Promise.all(votes.map((v) => storage.tally(v.id)));
    const names = await ctx.names([
      workshop.facilitatorId,
      ...participants.map((p) => p.userId),
      ...drafts.map((d) => d.authorId),
      ...threads.flatMap((t) => (t.resolvedBy ? [t.resolvedBy, t.createdBy] : [t.createdBy])),
    ]);
    return ok(
      buildRecord({
        workshop,
        boardTitle: board.title,
        participants,
        votes: votes.map((vote, i) => ({ vote, tally: tallies[i]! })),
        drafts,
        threads,
        end,
        changes: start && end ? compareSnapshots(start, end) : null,
        names,
      }),
    );
  }

  return {
    async listWorkshops(actor, boardId) {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      const workshops = await storage.listWorkshops(boardId, MAX_WORKSHOPS_PER_BOARD);
      const [counts, names] = await Promise.all([
        Promise.all(workshops.map(async (w) => (await storage.listParticipants(w.id)).length)),
        ctx.names(workshops.map((w) => w.facilitatorId)),
      ]);
      return ok({ workshops: workshops.map((w, i) => summaryOf(w, counts[i]!, names)) });
    },

    async workshopRecord(actor, boardId, workshopId) {
      const result = await record(actor, boardId, workshopId);
      return result.ok ? ok({ record: result.value }) : result;
    },

    async workshopRecordMarkdown(actor, boardId, workshopId) {
      const result = await record(actor, boardId, workshopId);
      return result.ok ? ok(recordMarkdown(result.value)) : result;
    },
  };
}
