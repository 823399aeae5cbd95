import type { Pool } from "pg";
import type { StoredDraft, WorkshopStore } from "../workshopStore";
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
import { inTransaction } from "./transaction";

const UNIQUE_VIOLATION = "23505";
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === UNIQUE_VIOLATION;

/**
 * Workshops, their participants, votes, ballots and drafts in the same PostgreSQL database as
 * the boards. Rules that several instances could race on are kept by the database: partial
 * unique indexes (one running workshop per board, one open vote per workshop) and row locks
 * (a voter's ballots, a person's drafts, presence samples run one at a time).
 */
export function pgWorkshopStore(pool: Pool): WorkshopStore {
  return {
    async createWorkshop(w) {
      try {
        const { rowCount } = await pool.query(
          `INSERT INTO workshops (${WORKSHOP_COLUMNS})
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $2)`,
          workshopValues(w),
        );
        return rowCount ? "created" : "no-board";
      } catch (error) {
        if (isUniqueViolation(error)) return "running";
        throw error;
      }
    },
    async getWorkshop(boardId, workshopId) {
      const { rows } = await pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = $1 AND id = $2`, [boardId, workshopId]);
      return rows[0] ? toWorkshop(rows[0]) : null;
    },
    async runningWorkshop(boardId) {
      const { rows } = await pool.query<WorkshopRow>(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = $1 AND ended_at IS NULL`, [boardId]);
      return rows[0] ? toWorkshop(rows[0]) : null;
    },
    async listWorkshops(boardId, limit) {
      const { rows } = await pool.query<WorkshopRow>(
        `SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE board_id = $1 ORDER BY started_at DESC, id DESC LIMIT $2`,
        [boardId, limit],
      );
      return rows.map(toWorkshop);
    },
    async countWorkshops(boardId) {
      const { rows } = await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM workshops WHERE board_id = $1", [boardId]);
      return Number(rows[0]?.n ?? 0);
    },
    async saveWorkshop(w) {
      const { rowCount } = await pool.query(
        `UPDATE workshops SET title = $1, facilitator_id = $2, ended_at = $3, agenda = $4, step = $5, timer = $6, start_version_id = $7, end_version_id = $8
         WHERE board_id = $9 AND id = $10 AND ended_at IS NULL`,
        [...workshopChanges(w), w.boardId, w.id],
      );
      return (rowCount ?? 0) > 0;
    },
    async deleteWorkshops(boardId, ids) {
      if (!ids.length) return;
      await pool.query("DELETE FROM workshops WHERE board_id = $1 AND id = ANY($2::text[]) AND ended_at IS NOT NULL", [boardId, ids]);
    },
    async recordPresence(workshopId, present, at, scope) {
      await inTransaction(pool, async (client) => {
        // Samples of one workshop run one after another, whichever instance takes them.
        await client.query("SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE", [workshopId]);
        const { rows } = await client.query<ParticipantRow>(
          "SELECT user_id, joined_at, minutes, present_since FROM workshop_participants WHERE workshop_id = $1",
          [workshopId],
        );
        const now = new Set<string>(present);
        const mayLeave = scope ? new Set<string>(scope) : null;
        const known = new Set(rows.map((r) => r.user_id));
        for (const r of rows) {
          if (r.present_since !== null && !now.has(r.user_id) && (!mayLeave || mayLeave.has(r.user_id)))
            await client.query("UPDATE workshop_participants SET minutes = minutes + $1, present_since = NULL WHERE workshop_id = $2 AND user_id = $3", [
              minutesBetween(r.present_since, at),
              workshopId,
              r.user_id,
            ]);
          else if (r.present_since === null && now.has(r.user_id))
            await client.query("UPDATE workshop_participants SET present_since = $1 WHERE workshop_id = $2 AND user_id = $3", [at, workshopId, r.user_id]);
        }
        for (const id of now)
          if (!known.has(id))
            await client.query("INSERT INTO workshop_participants (workshop_id, user_id, joined_at, minutes, present_since) VALUES ($1, $2, $3, 0, $3)", [
              workshopId,
              id,
              at,
            ]);
      });
    },
    async listParticipants(workshopId) {
      const { rows } = await pool.query<ParticipantRow>(
        "SELECT user_id, joined_at, minutes, present_since FROM workshop_participants WHERE workshop_id = $1 ORDER BY joined_at, user_id",
        [workshopId],
      );
      return rows.map(toParticipant);
    },
    async openVote(v) {
      try {
        const { rowCount } = await pool.query(
          `INSERT INTO workshop_votes (id, workshop_id, board_id, title, scope, item_ids, votes_per_person, stacking, visibility, state, opened_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10
           WHERE EXISTS (SELECT 1 FROM workshops WHERE id = $2 AND ended_at IS NULL)`,
          [v.id, v.workshopId, v.boardId, v.title, v.scope, JSON.stringify(v.itemIds), v.votesPerPerson, v.stacking, v.visibility, v.openedAt],
        );
        return (rowCount ?? 0) > 0;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async getVote(workshopId, voteId) {
      const { rows } = await pool.query<VoteRow>("SELECT * FROM workshop_votes WHERE workshop_id = $1 AND id = $2", [workshopId, voteId]);
      return rows[0] ? toVote(rows[0]) : null;
    },
    async listVotes(workshopId) {
      const { rows } = await pool.query<VoteRow>("SELECT * FROM workshop_votes WHERE workshop_id = $1 ORDER BY opened_at, id", [workshopId]);
      return rows.map(toVote);
    },
    async setVoteState(workshopId, voteId, state, at) {
      const { rowCount } =
        state === "closed"
          ? await pool.query("UPDATE workshop_votes SET state = 'closed', closed_at = $1 WHERE workshop_id = $2 AND id = $3 AND state = 'open'", [at, workshopId, voteId])
          : await pool.query(
              "UPDATE workshop_votes SET state = 'revealed', revealed_at = $1, closed_at = COALESCE(closed_at, $1) WHERE workshop_id = $2 AND id = $3 AND state IN ('open', 'closed')",
              [at, workshopId, voteId],
            );
      return (rowCount ?? 0) > 0;
    },
    async castBallot(voteId, userId, itemId, delta) {
      return inTransaction(pool, async (client) => {
        // FOR SHARE: a close or reveal (which updates the row) waits for ballots in flight, and
        // a ballot after it sees the new state. The advisory lock makes one voter's ballots run
        // one at a time, so two at once cannot both spend the last vote.
        const { rows } = await client.query<VoteRow>("SELECT * FROM workshop_votes WHERE id = $1 FOR SHARE", [voteId]);
        if (!rows[0] || rows[0].state !== "open") return "not-open";
        await client.query("SELECT pg_advisory_xact_lock(hashtext('waymark.ballot'), hashtext($1))", [`${voteId}/${userId}`]);
        const vote = toVote(rows[0]);
        const used = await client.query<{ n: string | null }>("SELECT SUM(count) AS n FROM workshop_ballots WHERE vote_id = $1 AND user_id = $2", [voteId, userId]);
        const mine = await client.query<{ count: number }>("SELECT count FROM workshop_ballots WHERE vote_id = $1 AND user_id = $2 AND item_id = $3", [
          voteId,
          userId,
          itemId,
        ]);
        const next = ballotRule(vote, Number(used.rows[0]?.n ?? 0), mine.rows[0]?.count ?? 0, delta);
        if (!next.ok) return next.why;
        if (next.count === 0) await client.query("DELETE FROM workshop_ballots WHERE vote_id = $1 AND user_id = $2 AND item_id = $3", [voteId, userId, itemId]);
        else
          await client.query(
            `INSERT INTO workshop_ballots (vote_id, user_id, item_id, count) VALUES ($1, $2, $3, $4)
             ON CONFLICT (vote_id, user_id, item_id) DO UPDATE SET count = EXCLUDED.count`,
            [voteId, userId, itemId, next.count],
          );
        return "ok";
      });
    },
    async tally(voteId) {
      const [vote, sums, voters] = await Promise.all([
        pool.query<{ item_ids: string }>("SELECT item_ids FROM workshop_votes WHERE id = $1", [voteId]),
        pool.query<{ item_id: string; n: string }>("SELECT item_id, SUM(count) AS n FROM workshop_ballots WHERE vote_id = $1 GROUP BY item_id", [voteId]),
        pool.query<{ n: string }>("SELECT COUNT(DISTINCT user_id) AS n FROM workshop_ballots WHERE vote_id = $1 AND count > 0", [voteId]),
      ]);
      const counts: Record<string, number> = {};
      if (vote.rows[0]) for (const id of JSON.parse(vote.rows[0].item_ids) as string[]) counts[id] = 0;
      for (const r of sums.rows) counts[r.item_id] = Number(r.n);
      return { counts, voters: Number(voters.rows[0]?.n ?? 0) };
    },
    async ballotsOf(voteId, userId) {
      const { rows } = await pool.query<{ item_id: string; count: number }>(
        "SELECT item_id, count FROM workshop_ballots WHERE vote_id = $1 AND user_id = $2 AND count > 0",
        [voteId, userId],
      );
      return Object.fromEntries(rows.map((r) => [r.item_id, Number(r.count)]));
    },
    async createDraft(d, maxPerPerson) {
      return inTransaction(pool, async (client) => {
        // One author's drafts are counted and added one at a time (the limit holds under races).
        await client.query("SELECT pg_advisory_xact_lock(hashtext('waymark.draft'), hashtext($1))", [`${d.workshopId}/${d.authorId}`]);
        const { rowCount } = await client.query(
          `INSERT INTO workshop_drafts (id, workshop_id, board_id, author_id, title, lane_id, phase_id, size, created_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
           WHERE EXISTS (SELECT 1 FROM workshops WHERE id = $2 AND ended_at IS NULL)
             AND (SELECT COUNT(*) FROM workshop_drafts WHERE workshop_id = $2 AND author_id = $4) < $10`,
          [d.id, d.workshopId, d.boardId, d.authorId, d.title, d.laneId, d.phaseId, d.size, d.createdAt, maxPerPerson],
        );
        return (rowCount ?? 0) > 0;
      });
    },
    async getDraft(workshopId, draftId) {
      const { rows } = await pool.query<DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = $1 AND id = $2", [workshopId, draftId]);
      return rows[0] ? toDraft(rows[0]) : null;
    },
    async listDrafts(workshopId, authorId) {
      const { rows } =
        authorId === undefined
          ? await pool.query<DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = $1 ORDER BY created_at, id", [workshopId])
          : await pool.query<DraftRow>("SELECT * FROM workshop_drafts WHERE workshop_id = $1 AND author_id = $2 ORDER BY created_at, id", [workshopId, authorId]);
      return rows.map(toDraft);
    },
    async updateDraft(workshopId, draftId, authorId, patch) {
      const { rows } = await pool.query<DraftRow>(
        `UPDATE workshop_drafts SET
           title = CASE WHEN $4::boolean THEN $5 ELSE title END,
           lane_id = CASE WHEN $6::boolean THEN $7 ELSE lane_id END,
           phase_id = CASE WHEN $8::boolean THEN $9 ELSE phase_id END,
           size = CASE WHEN $10::boolean THEN $11 ELSE size END
         WHERE workshop_id = $1 AND id = $2 AND author_id = $3 AND revealed_at IS NULL
         RETURNING *`,
        [
          workshopId,
          draftId,
          authorId,
          patch.title !== undefined,
          patch.title ?? null,
          patch.laneId !== undefined,
          patch.laneId ?? null,
          patch.phaseId !== undefined,
          patch.phaseId ?? null,
          patch.size !== undefined,
          patch.size ?? null,
        ],
      );
      return rows[0] ? (toDraft(rows[0]) satisfies StoredDraft) : null;
    },
    async deleteDraft(workshopId, draftId, authorId) {
      const { rowCount } = await pool.query("DELETE FROM workshop_drafts WHERE workshop_id = $1 AND id = $2 AND author_id = $3 AND revealed_at IS NULL", [
        workshopId,
        draftId,
        authorId,
      ]);
      return (rowCount ?? 0) > 0;
    },
    async markDraftsRevealed(workshopId, items, at) {
      if (!items.length) return;
      await inTransaction(pool, async (client) => {
        for (const { draftId, itemId } of items)
          await client.query("UPDATE workshop_drafts SET item_id = $1, revealed_at = $2 WHERE workshop_id = $3 AND id = $4 AND revealed_at IS NULL", [
            itemId,
            at,
            workshopId,
            draftId,
          ]);
      });
    },
  };
}
