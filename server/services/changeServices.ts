import type { BoardId, UserId } from "../../lib/model/ids";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import { CHANGES_SUMMARY_LIMIT, type ChangesSummary } from "../../lib/protocol/comments";
import type { Role } from "../../lib/protocol/roles";
import type { Storage } from "../storage/storage";
import { peopleNames } from "./peopleNames";
import { boardNotFound } from "./serviceErrors";
import { summarizeItemChanges, summarizeNewComments } from "./summarizeChanges";

/**
 * History rows read for one summary. The recorder writes about one row per person, item and
 * kind per burst (one more per 45 s of a burst that goes on), so this covers weeks away from a
 * busy board; beyond it the summary describes the oldest rows only.
 */
const MAX_HISTORY_ROWS = 20_000;

/** "What changed since your last visit": others' item changes and comments since then. */
export function changeServices(
  storage: Storage,
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>,
  /** Writes what a loaded board has not yet recorded, so the summary includes the last second. */
  flushActivity: (boardId: BoardId) => Promise<void>,
): Pick<AppServices, "changesSinceLastVisit"> {
  return {
    async changesSinceLastVisit(actor, boardId) {
      // Every role may read the summary (viewers see the board too); only non-members may not.
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const since = await storage.lastVisit(boardId, actor);
      if (since === null) return ok<ChangesSummary>({ since: null, items: [], comments: [], omitted: 0 });
      await flushActivity(boardId);
      const [records, threads] = await Promise.all([
        storage.listActivity(boardId, since, actor, MAX_HISTORY_ROWS),
        storage.listThreads(boardId),
      ]);
      const itemLines = summarizeItemChanges(records);
      const commentLines = summarizeNewComments(threads, since, actor);
      const items = itemLines.slice(0, CHANGES_SUMMARY_LIMIT);
      const comments = commentLines.slice(0, CHANGES_SUMMARY_LIMIT);
      const names = await peopleNames(storage, [...items, ...comments].map((line) => line.actorId));
      return ok<ChangesSummary>({
        since,
        items: items.map(({ actorId, ...line }) => ({ actor: names.get(actorId)!, ...line })),
        comments: comments.map(({ actorId, ...line }) => ({ actor: names.get(actorId)!, ...line })),
        omitted: itemLines.length - items.length + (commentLines.length - comments.length),
      });
    },
  };
}
