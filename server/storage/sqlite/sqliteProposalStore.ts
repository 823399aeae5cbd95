import type Database from "better-sqlite3";
import { ANSWERED_PROPOSALS_LISTED, type ProposalAnswer, type ProposalStore } from "../proposalStore";
import { PROPOSAL_COLUMNS, proposalFromRow, proposalValues, type ProposalRow } from "../proposalRows";

/** Proposals in the same SQLite file as the boards; one connection, so a transaction is the whole check. */
export function sqliteProposalStore(db: Database.Database): ProposalStore {
  const q = {
    insert: db.prepare(`INSERT INTO proposals (${PROPOSAL_COLUMNS}) VALUES (${PROPOSAL_COLUMNS.split(",").map(() => "?").join(", ")})`),
    openOnBoard: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM proposals WHERE board_id = ? AND state = 'open'"),
    openOfAuthor: db.prepare<[string, string], { n: number }>("SELECT COUNT(*) AS n FROM proposals WHERE board_id = ? AND author_id = ? AND state = 'open'"),
    open: db.prepare<[string], ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = ? AND state = 'open' ORDER BY created_at, id`),
    answered: db.prepare<[string, number], ProposalRow>(
      `SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = ? AND state <> 'open' ORDER BY answered_at DESC, id DESC LIMIT ?`,
    ),
    get: db.prepare<[string, string], ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM proposals WHERE board_id = ? AND id = ?`),
    applied: db.prepare("UPDATE proposals SET applied_item_id = ? WHERE board_id = ? AND id = ?"),
    answer: db.prepare(
      `UPDATE proposals SET state = ?, answered_by = ?, answered_at = ?, answer_note = ?, applied_item_id = COALESCE(?, applied_item_id)
       WHERE board_id = ? AND id = ? AND state = 'open'`,
    ),
  };
  const answer = (boardId: string, id: string, a: ProposalAnswer) => q.answer.run(a.state, a.by, a.at, a.note, a.appliedItemId ?? null, boardId, id).changes === 1;
  const create = db.transaction((...[record, caps, countering]: Parameters<ProposalStore["createProposal"]>) => {
    if (countering && !answer(record.boardId, countering.id, countering.answer)) return "not-open" as const;
    if (q.openOnBoard.get(record.boardId)!.n >= caps.board) return rollback("board-full");
    if (q.openOfAuthor.get(record.boardId, record.authorId)!.n >= caps.person) return rollback("person-full");
    q.insert.run(...proposalValues(record));
    return "created" as const;
  });
  return {
    async createProposal(record, caps, countering) {
      try {
        return create(record, caps, countering);
      } catch (error) {
        if (error instanceof CapReached) return error.outcome;
        throw error;
      }
    },
    async listProposals(boardId, which) {
      const open = q.open.all(boardId).map(proposalFromRow);
      if (which === "open") return open;
      return [...open, ...q.answered.all(boardId, ANSWERED_PROPOSALS_LISTED).map(proposalFromRow)];
    },
    async getProposal(boardId, id) {
      const row = q.get.get(boardId, id);
      return row ? proposalFromRow(row) : null;
    },
    async answerProposal(boardId, id, a) {
      return answer(boardId, id, a);
    },
    async setProposalAppliedItem(boardId, id, itemId) {
      q.applied.run(itemId, boardId, id);
    },
  };
}

/** Thrown inside the transaction so a counter's answer is rolled back with the refused insert. */
class CapReached extends Error {
  constructor(readonly outcome: "board-full" | "person-full") {
    super(outcome);
  }
}
function rollback(outcome: "board-full" | "person-full"): never {
  throw new CapReached(outcome);
}
