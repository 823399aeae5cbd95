import type { BoardId, UserId } from "../../lib/model/ids";
import { ok } from "../../lib/model/result";
import type { AppServices } from "../../lib/protocol/appServices";
import {
  BOARD_HISTORY_MAX,
  OBJECT_HISTORY_MAX,
  PROPOSED_BY_FIELD,
  type BoardHistoryPage,
  type HistoryEntry,
  type ObjectHistoryPage,
} from "../../lib/protocol/history";
import type { Role } from "../../lib/protocol/roles";
import type { HistoryRecord } from "../storage/activityStore";
import type { Storage } from "../storage/storage";
import { peopleNames } from "./peopleNames";
import { boardNotFound } from "./serviceErrors";

/** At least one entry, at most the page's bound: the route checks too, but a service trusts no caller. */
const clamp = (limit: number, max: number) => Math.min(Math.max(1, Math.floor(limit) || 1), max);

/**
 * Each object's history and the board's changes over time. Every member may read them (what
 * changed is what they see on the board anyway); others get the board's not-found.
 */
export function historyServices(
  storage: Storage,
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>,
  /** Writes what a loaded board has not yet recorded, so history includes the last second. */
  flushActivity: (boardId: BoardId) => Promise<void>,
): Pick<AppServices, "objectHistory" | "boardHistory"> {
  async function entries(records: readonly HistoryRecord[]): Promise<HistoryEntry[]> {
    // An accepted proposal's rows name its author in a field of their own (PROPOSED_BY_FIELD).
    const proposerOf = (r: HistoryRecord) => r.fields.find((f) => f.field === PROPOSED_BY_FIELD)?.after;
    const proposers = records.map(proposerOf).filter((id): id is string => typeof id === "string") as UserId[];
    const names = await peopleNames(storage, [...records.map((r) => r.userId), ...proposers]);
    return records.map((r) => {
      const proposer = proposerOf(r);
      return {
        id: String(r.seq),
        at: r.at,
        user: names.get(r.userId)!,
        objectKind: r.objectKind,
        objectId: r.objectId,
        objectTitle: r.title,
        kind: r.kind,
        fields: r.fields.filter((f) => f.field !== PROPOSED_BY_FIELD),
        ...(typeof proposer === "string" ? { proposedBy: names.get(proposer as UserId)! } : {}),
      };
    });
  }

  return {
    async objectHistory(actor, boardId, { objectId, before, limit }) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      await flushActivity(boardId);
      const n = clamp(limit, OBJECT_HISTORY_MAX);
      // One more than asked: whether an older page exists.
      const records = await storage.listObjectHistory(boardId, objectId, n + 1, before);
      const page = records.slice(0, n);
      const next = records.length > n ? String(page[page.length - 1]!.seq) : null;
      return ok<ObjectHistoryPage>({ entries: await entries(page), next });
    },

    async boardHistory(actor, boardId, { from, to, limit }) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      await flushActivity(boardId);
      const n = clamp(limit, BOARD_HISTORY_MAX);
      // Stored times are UTC ISO strings compared as text: a time with an offset is written that way first.
      const range = { limit: n + 1, ...(from ? { from: new Date(from).toISOString() } : {}), ...(to ? { to: new Date(to).toISOString() } : {}) };
      const records = await storage.listBoardHistory(boardId, range);
      return ok<BoardHistoryPage>({ entries: await entries(records.slice(0, n)), more: records.length > n });
    },
  };
}
