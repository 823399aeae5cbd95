import type { BoardId } from "../../lib/model/ids";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { mayEditLane, type LanePolicy } from "../../lib/protocol/teams";
import type { Storage } from "../storage/storage";

export interface BoardLaneRules {
  /** The board the rules are kept for: the board itself, or a scenario's plan (docs/teams.md "Scenarios"). */
  planId: BoardId;
  policy: LanePolicy;
  /** Lane id → the owners who may still edit the board. */
  owners: Map<string, readonly string[]>;
}

type RulesStore = Pick<Storage, "getLanePolicy" | "listLaneOwners" | "listMembers" | "getScenario">;

/** A board's lane policy and owners, as the team services show them: an owner who may no longer edit owns nothing. */
export async function readLaneRules(store: RulesStore, boardId: BoardId): Promise<BoardLaneRules> {
  // A scenario's lanes are the plan's, and so are their owners and the policy.
  const planId = (await store.getScenario(boardId))?.planId ?? boardId;
  const [policy, rows, members] = await Promise.all([store.getLanePolicy(planId), store.listLaneOwners(planId), store.listMembers(planId)]);
  const editors = new Set(members.filter((m) => canEditRoadmap(m.role)).map((m) => m.userId as string));
  const owners = new Map<string, string[]>();
  for (const row of rows) {
    if (!editors.has(row.userId)) continue;
    owners.set(row.laneId, [...(owners.get(row.laneId) ?? []), row.userId]);
  }
  return { planId, policy, owners };
}

/**
 * Which lanes someone may edit, or null when they may edit every lane (then nothing they
 * write needs looking at: the common case costs nothing).
 */
export function laneRestriction(rules: BoardLaneRules | undefined, role: Role | null, userId: string | null): ((laneId: string) => boolean) | null {
  if (!rules || rules.policy === "open" || role !== "editor") return null;
  const user = userId ?? "";
  let restricted = false;
  for (const owners of rules.owners.values()) if (!owners.includes(user)) restricted = true;
  if (!restricted) return null;
  return (laneId) => mayEditLane(role, user, rules.owners.get(laneId) ?? [], rules.policy);
}

/** Boards whose rules are kept at most; beyond, the least recently read go (those with no open room first). */
const MAX_BOARDS = 20_000;

/**
 * Boards' lane rules, for the rooms' check of editors' updates (docs/teams.md "On the socket").
 * Read before an editor's connection is upgraded (once per board: `ensure`), and again whenever
 * the team services or a role change say they changed (on this instance or, through the bus,
 * another), so the synchronous check on every update never waits on storage. Kept while a room
 * may hold the editor (never dropped for a loaded board): a board without rules here would be
 * checked as if no lane had owners.
 */
export class LaneRules {
  private readonly boards = new Map<BoardId, BoardLaneRules>();
  /** Each board's latest read: reads in flight together may finish in any order, and only the last one started may land. */
  private readonly reads = new Map<BoardId, number>();
  private readCount = 0;

  constructor(
    private readonly store: RulesStore,
    /** Whether a board's room is loaded here (its rules must stay). */
    private readonly inUse: (boardId: BoardId) => boolean = () => false,
  ) {}

  /** Reads a board's rules unless they are kept already. */
  async ensure(boardId: BoardId): Promise<void> {
    if (this.boards.has(boardId)) {
      // Most recently used last, for the bound below.
      const rules = this.boards.get(boardId)!;
      this.boards.delete(boardId);
      this.boards.set(boardId, rules);
      return;
    }
    await this.load(boardId);
    if (this.boards.size > MAX_BOARDS) {
      for (const id of this.boards.keys()) {
        if (this.boards.size <= MAX_BOARDS) break;
        if (!this.inUse(id) && id !== boardId) this.forget(id);
      }
    }
  }

  async load(boardId: BoardId): Promise<void> {
    const read = ++this.readCount;
    this.reads.set(boardId, read);
    const rules = await readLaneRules(this.store, boardId);
    if (this.reads.get(boardId) === read) this.boards.set(boardId, rules);
  }

  /** Re-reads the rules of a board's room and of its scenarios' rooms, where loaded (a change made anywhere). */
  async reload(boardId: BoardId): Promise<void> {
    const rooms = [...this.boards].filter(([id, rules]) => id === boardId || rules.planId === boardId).map(([id]) => id);
    await Promise.all(rooms.map((id) => this.load(id)));
  }

  forget(boardId: BoardId): void {
    this.boards.delete(boardId);
    this.reads.delete(boardId);
  }

  restriction(boardId: BoardId, role: Role, userId: string | null): ((laneId: string) => boolean) | null {
    return laneRestriction(this.boards.get(boardId), role, userId);
  }
}
