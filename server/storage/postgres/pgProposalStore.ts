import type { Pool, PoolClient } from "pg";
import { ANSWERED_PROPOSALS_LISTED, type CreateProposalOutcome, type ProposalAnswer, type ProposalStore } from "../proposalStore";
import { PROPOSAL_COLUMNS, proposalFromRow, proposalValues, type ProposalRow } from "../proposalRows";
import { inTransaction } from "./transaction";

const ANSWER = `UPDATE proposals SET state = $1, answered_by = $2, answered_at = $3, answer_note = $4, applied_item_id = COALESCE($5, applied_item_id)
  WHERE board_id = $6 AND id = $7 AND state = 'open'`;

async function answer(db: Pool | PoolClient, boardId: string, id: string, a: ProposalAnswer): Promise<boolean> {
  const { rowCount } = await db.query(ANSWER, [a.state, a.by, a.at, a.note, a.appliedItemId ?? null, boardId, id]);
  return rowCount === 1;
}

/** Thrown inside the transaction so a counter's answer is rolled back with the refused insert. */
class CapReached extends Error {
  constructor(readonly outcome: CreateProposalOutcome) {
    super(outcome);
  }
}

/** Proposals in the same PostgreSQL database as the boards. */
export function pgProposalStore(pool: Pool): ProposalStore {
  return {
    async createProposal(record, caps, countering) {
      try {
        return await inTransaction(pool, async (client) => {
          // The board's row is the lock: two proposals at once cannot both pass a cap.
          await client.query("SELECT id FROM boards WHERE id = $1 FOR UPDATE", [record.boardId]);
          if (countering && !(await answer(client, record.boardId, countering.id, countering.answer))) return "not-open";
          const { rows } = await client.query<{ board: string; person: string }>(
            `SELECT COUNT(*) AS board, COUNT(*) FILTER (WHERE author_id = $2) AS person FROM proposals WHERE board_id = $1 AND state = 'open'`,
            [record.boardId, record.authorId],
          );
          if (Number(rows[0]!.board) >= caps.board) throw new CapReached("board-full");
          if (Number(rows[0]!.person) >= caps.person) throw new CapReached("person-full");
          const placeholders = proposalValues(record).map((_, i) => `$${i + 1}`).join(", ");
          await client.query(`INSERT INTO proposals (${PROPOSAL_COLUMNS}) VALUES (${placeholders})`, proposalValues(record));
          return "created";
        });
      } catch (error) {
        if (error instanceof CapReached) return error.outcome;
        throw error;
      }
    },
    async listProposals(boardId, which) {
      const open = await pool.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = $1 AND state = 'open' ORDER BY created_at, id`, [boardId]);
      if (which === "open") return open.rows.map(proposalFromRow);
      const answered = await pool.query<ProposalRow>(
        `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = $1 AND state <> 'open' ORDER BY answered_at DESC, id DESC LIMIT $2`,
        [boardId, ANSWERED_PROPOSALS_LISTED],
      );
      return [...open.rows, ...answered.rows].map(proposalFromRow);
    },
    async getProposal(boardId, id) {
      const { rows } = await pool.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = $1 AND id = $2`, [boardId, id]);
      return rows[0] ? proposalFromRow(rows[0]) : null;
    },
    async answerProposal(boardId, id, a) {
      return answer(pool, boardId, id, a);
    },
    async setProposalAppliedItem(boardId, id, itemId) {
      await pool.query("UPDATE proposals SET applied_item_id = $1 WHERE board_id = $2 AND id = $3", [itemId, boardId, id]);
    },
  };
}
