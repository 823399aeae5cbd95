import type Database from "better-sqlite3";
import type { UserId } from "../../../lib/model/ids";
import type { BallotOutcome, StoredDraft, StoredVote, StoredWorkshop, WorkshopStore } from "../workshopStore";
import {
  ballotRule,
  minutesBetween,
  toDraft,
  toParticipant,
  toVote,
  toWorkshop,
  type DraftRow,
  type ParticipantRow,
  type VoteRow,
  type WorkshopRow,
  WORKSHOP_COLUMNS,
  workshopChanges,
  workshopValues,
} from "../workshopRows";


/** Workshops, their participants, votes, ballots and drafts in the same SQLite file as the boards. */
export function sqliteWorkshopStore(db: Database.Database): WorkshopStore {
  const q = {
    insertWorkshop: db.prepare(
      `INSERT INTO workshops (${WORKSHOP_COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?)`,
    ),
    running: db.prepare<[string], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = ? AND ended_at IS NULL`),
    get: db.prepare<[string, string], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = ? AND id = ?`),
    list: db.prepare<[string, number], WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?`),
    count: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM workshops WHERE board_id = ?"),
    save: db.prepare(
      `UPDATE workshops SET title = ?, facilitator_id = ?, ended_at = ?, agenda = ?, step = ?, timer = ?, start_version_id = ?, end_version_id = ?
       WHERE board_id = ? AND id = ? AND ended_at IS NULL`,
    ),
    deleteEnded: db.prepare("DELETE FROM workshops WHERE board_id = ? AND id = ? AND ended_at IS NOT NULL"),
    participants: db.prepare<[string], ParticipantRow>("SELECT user_id, joined_at, minutes, present_since FROM workshop_participants WHERE workshop_id = ? ORDER BY joined_at, user_id"),
    join: db.prepare("INSERT INTO workshop_participants (workshop_id, user_id, joined_at, minutes, present_since) VALUES (?, ?, ?, 0, ?)"),
    comeBack: db.prepare("UPDATE workshop_participants SET present_since = ? WHERE workshop_id = ? AND user_id = ?"),
    leave: db.prepare("UPDATE workshop_participants SET minutes = minutes + ?, present_since = NULL WHERE workshop_id = ? AND user_id = ?"),
    insertVote: db.prepare(
      `INSERT INTO workshop_votes (id, workshop_id, board_id, title, scope, item_ids, votes_per_person, stacking, visibility, state, opened_at, closed_at, revealed_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, NULL, NULL
       WHERE EXISTS (SELECT 1 FROM workshops WHERE id = ? AND ended_at IS NULL)
         AND NOT EXISTS (SELECT 1 FROM workshop_votes WHERE workshop_id = ? AND state = 'open')`,
    ),
    vote: db.prepare<[string, string], VoteRow>("SELECT * FROM workshop_votes WHERE workshop_id = ? AND id = ?"),
    voteById: db.prepare<[string], VoteRow>("SELECT * FROM workshop_votes WHERE id = ?"),
    votes: db.prepare<[string], VoteRow>("SELECT * FROM workshop_votes WHERE workshop_id = ? ORDER BY opened_at, rowid"),
    close: db.prepare("UPDATE workshop_votes SET state = 'closed', closed_at = ? WHERE workshop_id = ? AND id = ? AND state = 'open'"),
    reveal: db.prepare(
      "UPDATE workshop_votes SET state = 'revealed', revealed_at = ?, closed_at = COALESCE(closed_at, ?) WHERE workshop_id = ? AND id = ? AND state IN ('open', 'closed')",
    ),
    used: db.prepare<[string, string], { n: number | null }>("SELECT SUM(count) AS n FROM workshop_ballots WHERE vote_id = ? AND user_id = ?"),
    onItem: db.prepare<[string, string, string], { count: number }>("SELECT count FROM workshop_ballots WHERE vote_id = ? AND user_id = ? AND item_id = ?"),
    upsertBallot: db.prepare(
      `INSERT INTO workshop_ballots (vote_id, user_id, item_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (vote_id, user_id, item_id) DO UPDATE SET count = excluded.count`,
    ),
    dropBallot: db.prepare("DELETE FROM workshop_ballots WHERE vote_id = ? AND user_id = ? AND item_id = ?"),
    tally: db.prepare<[string], { item_id: string; n: number }>("SELECT item_id, SUM(count) AS n FROM workshop_ballots WHERE vote_id = ? GROUP BY item_id"),
    voters: db.prepare<[string], { n: number }>("SELECT COUNT(DISTINCT user_id) AS n FROM workshop_ballots WHERE vote_id = ? AND count > 0"),
    mine: db.prepare<[string, string], { item_id: string; count: number }>("SELECT item_id, count FROM workshop_ballots WHERE vote_id = ? AND user_id = ? AND count > 0"),
    insertDraft: db.prepare(
      `INSERT INTO workshop_drafts (id, workshop_id, board_id, author_id, title, lane_id, phase_id, size, created_at, item_id, revealed_at)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL
       WHERE EXISTS (SELECT 1 FROM workshops WHERE id = ? AND ended_at IS NULL)
         AND (SELECT COUNT(*) FROM workshop_drafts WHERE workshop_id = ? AND author_id = ?) < ?`,
    ),
    draft: db.prepare<[string, string], DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = ? AND id = ?"),
    drafts: db.prepare<[string], DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = ? ORDER BY created_at, rowid"),
    draftsOf: db.prepare<[string, string], DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = ? AND author_id = ? ORDER BY created_at, rowid"),
    updateDraft: db.prepare(
      `UPDATE workshop_drafts SET title = ?, lane_id = ?, phase_id = ?, size = ?
       WHERE workshop_id = ? AND id = ? AND author_id = ? AND revealed_at IS NULL`,
    ),
    deleteDraft: db.prepare("DELETE FROM workshop_drafts WHERE workshop_id = ? AND id = ? AND author_id = ? AND revealed_at IS NULL"),
    revealDraft: db.prepare("UPDATE workshop_drafts SET item_id = ?, revealed_at = ? WHERE workshop_id = ? AND id = ? AND revealed_at IS NULL"),
  };

  const presenceTx = db.transaction((workshopId: string, present: UserId[], at: string, scope?: UserId[]) => {
    const now = new Set<string>(present);
    const mayLeave = scope ? new Set<string>(scope) : null;
    const rows = q.participants.all(workshopId);
    const known = new Set(rows.map((r) => r.user_id));
    for (const r of rows) {
      if (r.present_since !== null && !now.has(r.user_id) && (!mayLeave || mayLeave.has(r.user_id))) q.leave.run(minutesBetween(r.present_since, at), workshopId, r.user_id);
      else if (r.present_since === null && now.has(r.user_id)) q.comeBack.run(at, workshopId, r.user_id);
    }
    for (const id of now) if (!known.has(id)) q.join.run(workshopId, id, at, at);
  });

  const ballotTx = db.transaction((voteId: string, userId: string, itemId: string, delta: 1 | -1): BallotOutcome => {
    const row = q.voteById.get(voteId);
    if (!row || row.state !== "open") return "not-open";
    const vote = toVote(row);
    const used = q.used.get(voteId, userId)?.n ?? 0;
    const onItem = q.onItem.get(voteId, userId, itemId)?.count ?? 0;
    const next = ballotRule(vote, used, onItem, delta);
    if (!next.ok) return next.why;
    if (next.count === 0) q.dropBallot.run(voteId, userId, itemId);
    else q.upsertBallot.run(voteId, userId, itemId, next.count);
    return "ok";
  });

  const updateDraftTx = db.transaction((workshopId: string, draftId: string, authorId: string, patch: Parameters<WorkshopStore["updateDraft"]>[3]) => {
    const row = q.draft.get(workshopId, draftId);
    if (!row || row.author_id !== authorId || row.revealed_at !== null) return null;
    const next: StoredDraft = { ...toDraft(row), ...patch };
    q.updateDraft.run(next.title, next.laneId, next.phaseId, next.size, workshopId, draftId, authorId);
    return next;
  });

  const revealTx = db.transaction((workshopId: string, items: { draftId: string; itemId: string | null }[], at: string) => {
    for (const { draftId, itemId } of items) q.revealDraft.run(itemId, at, workshopId, draftId);
  });

  const deleteTx = db.transaction((boardId: string, ids: string[]) => {
    for (const id of ids) q.deleteEnded.run(boardId, id);
  });

  return {
    async createWorkshop(w: StoredWorkshop) {
      if (q.running.get(w.boardId)) return "running";
      try {
        const { changes } = q.insertWorkshop.run(...workshopValues(w), w.boardId);
        return changes ? "created" : "no-board";
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return "running";
        throw error;
      }
    },
    async getWorkshop(boardId, workshopId) {
      const row = q.get.get(boardId, workshopId);
      return row ? toWorkshop(row) : null;
    },
    async runningWorkshop(boardId) {
      const row = q.running.get(boardId);
      return row ? toWorkshop(row) : null;
    },
    async listWorkshops(boardId, limit) {
      return q.list.all(boardId, limit).map(toWorkshop);
    },
    async countWorkshops(boardId) {
      return q.count.get(boardId)?.n ?? 0;
    },
    async saveWorkshop(w) {
      const { changes } = q.save.run(...workshopChanges(w), w.boardId, w.id);
      return changes > 0;
    },
    async deleteWorkshops(boardId, ids) {
      if (ids.length) deleteTx(boardId, ids);
    },
    async recordPresence(workshopId, present, at, scope) {
      presenceTx(workshopId, present, at, scope);
    },
    async listParticipants(workshopId) {
      return q.participants.all(workshopId).map(toParticipant);
    },
    async openVote(v: StoredVote) {
      try {
        const { changes } = q.insertVote.run(
          v.id,
          v.workshopId,
          v.boardId,
          v.title,
          v.scope,
          JSON.stringify(v.itemIds),
          v.votesPerPerson,
          v.stacking ? 1 : 0,
          v.visibility,
          v.openedAt,
          v.workshopId,
          v.workshopId,
        );
        return changes > 0;
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return false;
        throw error;
      }
    },
    async getVote(workshopId, voteId) {
      const row = q.vote.get(workshopId, voteId);
      return row ? toVote(row) : null;
    },
    async listVotes(workshopId) {
      return q.votes.all(workshopId).map(toVote);
    },
    async setVoteState(workshopId, voteId, state, at) {
      const { changes } = state === "closed" ? q.close.run(at, workshopId, voteId) : q.reveal.run(at, at, workshopId, voteId);
      return changes > 0;
    },
    async castBallot(voteId, userId, itemId, delta) {
      return ballotTx(voteId, userId, itemId, delta);
    },
    async tally(voteId) {
      const counts: Record<string, number> = {};
      const row = q.voteById.get(voteId);
      if (row) for (const id of toVote(row).itemIds) counts[id] = 0;
      for (const r of q.tally.all(voteId)) counts[r.item_id] = Number(r.n);
      return { counts, voters: q.voters.get(voteId)?.n ?? 0 };
    },
    async ballotsOf(voteId, userId) {
      return Object.fromEntries(q.mine.all(voteId, userId).map((r) => [r.item_id, Number(r.count)]));
    },
    async createDraft(d, maxPerPerson) {
      const { changes } = q.insertDraft.run(
        d.id,
        d.workshopId,
        d.boardId,
        d.authorId,
        d.title,
        d.laneId,
        d.phaseId,
        d.size,
        d.createdAt,
        d.workshopId,
        d.workshopId,
        d.authorId,
        maxPerPerson,
      );
      return changes > 0;
    },
    async getDraft(workshopId, draftId) {
      const row = q.draft.get(workshopId, draftId);
      return row ? toDraft(row) : null;
    },
    async listDrafts(workshopId, authorId) {
      return (authorId === undefined ? q.drafts.all(workshopId) : q.draftsOf.all(workshopId, authorId)).map(toDraft);
    },
    async updateDraft(workshopId, draftId, authorId, patch) {
      return updateDraftTx(workshopId, draftId, authorId, patch);
    },
    async deleteDraft(workshopId, draftId, authorId) {
      return q.deleteDraft.run(workshopId, draftId, authorId).changes > 0;
    },
    async markDraftsRevealed(workshopId, items, at) {
      if (items.length) revealTx(workshopId, items, at);
    },
  };
}
