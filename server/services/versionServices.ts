import type * as Y from "yjs";
import type { BoardId, UserId } from "../../lib/model/ids";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { restoreBoard, restoreItem } from "../../lib/model/restoreCommands";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { compareSnapshots } from "../../lib/history/compareSnapshots";
import type { AppServices } from "../../lib/protocol/appServices";
import { canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import {
  baselineSchema,
  createVersionSchema,
  isoMomentSchema,
  versionRefSchema,
  restoreSchema,
  updateVersionSchema,
  type VersionView,
} from "../../lib/protocol/versions";
import type { LivePublisher } from "../events/liveEvents";
import type { BoardVersioner } from "../history/autoVersions";
import { KEEP_ALL_DAYS } from "../history/thinning";
import { VERSION_ID_PATTERN } from "../history/versionIds";
import { docFromState, unpackState } from "../history/versionState";
import { VersionSnapshots } from "../history/versionSnapshots";
import { PastBoards } from "../history/pastBoards";
import { VersionLimits } from "../history/versionLimits";
import type { Storage } from "../storage/storage";
import type { VersionRecord } from "../storage/versionStore";
import { describeIssues } from "../../lib/model/issues";
import { guestLinkOf } from "../../lib/protocol/guestReaders";
import { laneRestriction, readLaneRules } from "../sync/laneRules";
import { boardNotFound, fail } from "./serviceErrors";

/** A loaded board as the version services use it: its live document and its versioner. */
export interface LiveBoard {
  doc: Y.Doc;
  versions: BoardVersioner;
}

/** Opens a board's room (loading it if needed) for the length of `run`. */
export type WithLiveBoard = <T>(boardId: BoardId, run: (board: LiveBoard) => T | Promise<T>) => Promise<T>;

const DAY_MS = 86_400_000;
const FORMER_MEMBER = "Former member";
/** Named versions a board keeps at most: each is a whole state that nothing thins (owners delete them). */
export const MAX_NAMED_VERSIONS = 500;

export type VersionServices = Pick<
  AppServices,
  "listVersions" | "createVersion" | "updateVersion" | "deleteVersion" | "readVersion" | "restoreVersion" | "setBaseline" | "boardAt" | "compareVersions"
>;

/**
 * Versions, the baseline, restore and the board at a past moment (docs/history.md). Everyone
 * who can see a board reads them; editors and owners save, rename and restore; owners delete
 * named versions and set the baseline. Author and time are the server's.
 */
export function versionServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  /** The board as its connections see it now. */
  readSnapshot: (boardId: BoardId) => Promise<BoardSnapshot>;
  live: LivePublisher;
  now: () => Date;
}): VersionServices {
  const { storage, roleOf, withLiveBoard, readSnapshot: liveSnapshot, live, now } = deps;

  /**
   * Share-link guests (lib/protocol/guestReaders.ts) are not told who saved what: like the
   * object history, a link that may travel anywhere does not reveal members' names.
   */
  async function views(records: VersionRecord[], reader?: UserId): Promise<VersionView[]> {
    if (reader !== undefined && guestLinkOf(reader) !== null)
      return (await views(records)).map((v) => ({ ...v, authorId: null, authorName: null }));
    const ids = [...new Set(records.map((r) => r.authorId).filter((id): id is UserId => id !== null))];
    const users = await Promise.all(ids.map((id) => storage.getUser(id)));
    const names = new Map(ids.map((id, i) => [id, users[i]?.name ?? FORMER_MEMBER]));
    return records.map((r) => ({
      id: r.id,
      name: r.name,
      note: r.note,
      kind: r.name === null ? "auto" : "named",
      reason: r.reason,
      authorId: r.authorId,
      authorName: r.authorId ? (names.get(r.authorId) ?? FORMER_MEMBER) : null,
      createdAt: r.createdAt,
      bytes: r.bytes,
    }));
  }
  const view = async (record: VersionRecord, reader?: UserId) => (await views([record], reader))[0]!;
  const changed = (boardId: BoardId) => live.publishToBoard(boardId, { type: "versions", boardId });
  const findVersion = async (boardId: BoardId, versionId: string) =>
    VERSION_ID_PATTERN.test(versionId) ? storage.getVersion(boardId, versionId) : null;
  const snapshots = new VersionSnapshots();
  const past = new PastBoards();
  const limits = new VersionLimits();
  const slowDown = () => fail("too-many", "That was a lot at once: wait a minute and try again.");
  const versionSnapshot = (boardId: BoardId, versionId: string) => snapshots.get(boardId, versionId, () => storage.loadVersionState(boardId, versionId));
  const versionNotFound = () => fail("not-found", "That version does not exist on this board (it may have been deleted).");

  /** One side of a comparison: "now" (the live board) or a version of this board. */
  async function side(boardId: BoardId, ref: string): Promise<BoardSnapshot | null> {
    if (ref === "now") return liveSnapshot(boardId);
    return (await findVersion(boardId, ref)) ? versionSnapshot(boardId, ref) : null;
  }

  return {
    async listVersions(actor, boardId) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const [records, baselineId] = await Promise.all([storage.listVersions(boardId), storage.getBaseline(boardId)]);
      return ok({ versions: await views(records, actor), baselineId });
    },

    async createVersion(actor, boardId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canEditRoadmap(role)) return fail("forbidden", "Only editors and owners can save versions.");
      const parsed = createVersionSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { name, note } = parsed.data;
      if (!limits.take(actor, "save")) return slowDown();
      const named = (await storage.listVersions(boardId)).filter((v) => v.name !== null).length;
      if (named >= MAX_NAMED_VERSIONS)
        return fail("conflict", `This board keeps at most ${MAX_NAMED_VERSIONS} named versions: an owner can delete some first.`);
      const record = await withLiveBoard(boardId, (board) => board.versions.take("named", actor, { name, note: note || null }));
      if (!record) return boardNotFound();
      changed(boardId);
      return ok(await view(record));
    },

    async updateVersion(actor, boardId, versionId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canEditRoadmap(role)) return fail("forbidden", "Only editors and owners can rename versions.");
      const parsed = updateVersionSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      if (!(await findVersion(boardId, versionId))) return versionNotFound();
      const { name, note } = parsed.data;
      const record = await storage.updateVersion(boardId, versionId, {
        ...(name !== undefined ? { name } : {}),
        ...(note !== undefined ? { note: note || null } : {}),
      });
      if (!record) return versionNotFound();
      changed(boardId);
      return ok(await view(record));
    },

    async deleteVersion(actor, boardId, versionId) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canManageBoard(role)) return fail("forbidden", "Only owners can delete versions.");
      const record = await findVersion(boardId, versionId);
      if (!record) return versionNotFound();
      if (record.name === null) return fail("conflict", "Automatic versions thin out by themselves; only named versions can be deleted.");
      if ((await storage.getBaseline(boardId)) === versionId)
        return fail("conflict", "This version is the board's baseline: choose another baseline or clear it first.");
      // A scenario's fork is the base of its compare and adopt (docs/teams.md "Scenarios"): naming it must not make it deletable.
      if ((await storage.listScenarios(boardId)).some((scenario) => scenario.baseVersionId === versionId))
        return fail("conflict", "A scenario was forked from this version: discard the scenario first.");
      await storage.deleteVersions(boardId, [versionId]);
      snapshots.forget(boardId, [versionId]);
      changed(boardId);
      return ok(undefined);
    },

    async readVersion(actor, boardId, versionId) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const record = await findVersion(boardId, versionId);
      if (!record) return versionNotFound();
      if (!limits.take(actor, "replay")) return slowDown();
      const snapshot = await versionSnapshot(boardId, versionId);
      return snapshot ? ok({ version: await view(record, actor), snapshot }) : versionNotFound();
    },

    async restoreVersion(actor, boardId, versionId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canEditRoadmap(role)) return fail("forbidden", "Only editors and owners can restore versions.");
      const parsed = restoreSchema.safeParse(input ?? {});
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { itemId, apply = true } = parsed.data;
      if (!(await findVersion(boardId, versionId))) return versionNotFound();
      if (!limits.take(actor, "save")) return slowDown();
      const packed = await storage.loadVersionState(boardId, versionId);
      if (!packed) return versionNotFound();
      const state = unpackState(packed);
      const version = docFromState(state);
      try {
        const past = itemId !== undefined ? readSnapshot(version).items.find((i) => i.id === itemId) : undefined;
        if (itemId !== undefined && !past) return fail("not-found", "That item is not in this version.");
        // A restore writes what the sync server would refuse from this editor (docs/teams.md).
        const mayEdit = laneRestriction(await readLaneRules(storage, boardId), role, actor);
        if (mayEdit) {
          if (itemId === undefined)
            return fail("forbidden", "Lanes on this board have owners: only board owners restore the whole board. Restore single items of your lanes.");
          const now = (await liveSnapshot(boardId)).items.find((i) => i.id === itemId);
          if ([past?.laneId, now?.laneId].some((lane) => lane && !mayEdit(lane)))
            return fail("forbidden", "That item is in a lane owned by another team: propose the change instead.");
        }
        const outcome = await withLiveBoard(boardId, async (board) => {
          // The board as it is, kept before anything is written: a restore can itself be undone by a restore.
          const backup = board.versions.take("restore", actor);
          let changedFields: number | null = null;
          if (apply) {
            const origin = createOrigin("server", `restore:${actor}`);
            changedFields = itemId === undefined ? restoreBoard(board.doc, version, origin).changed : restoreItemOrZero(board.doc, version, origin, itemId);
          }
          return { backup: await backup, changedFields };
        });
        changed(boardId);
        return ok({
          backup: outcome.backup ? await view(outcome.backup) : null,
          applied: apply,
          changed: outcome.changedFields,
          // For a caller that applies the restore itself (as its own, undoable change).
          state: apply ? null : Buffer.from(state).toString("base64"),
        });
      } finally {
        version.destroy();
      }
    },

    async setBaseline(actor, boardId, input) {
      const role = await roleOf(actor, boardId);
      if (!role) return boardNotFound();
      if (!canManageBoard(role)) return fail("forbidden", "Only owners can set the board's baseline.");
      const parsed = baselineSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const { versionId } = parsed.data;
      if (versionId !== null && !(await findVersion(boardId, versionId))) return versionNotFound();
      if (!(await storage.setBaseline(boardId, versionId))) return versionNotFound();
      changed(boardId);
      return ok({ baselineId: versionId });
    },

    async compareVersions(actor, boardId, from, to) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const refs = [versionRefSchema.safeParse(from), versionRefSchema.safeParse(to)];
      if (!refs[0]!.success || !refs[1]!.success) return fail("invalid", "Compare two versions, or a version and now: ?from=<version id|now>&to=<version id|now>");
      if (!limits.take(actor, "replay")) return slowDown();
      const [before, after] = await Promise.all([side(boardId, refs[0]!.data), side(boardId, refs[1]!.data)]);
      if (!before || !after) return versionNotFound();
      // A version's schedule is kept with its cached snapshot; "now" is scheduled afresh.
      const scheduleOf = (ref: string, snapshot: BoardSnapshot) => (ref === "now" ? undefined : snapshots.scheduleOf(snapshot));
      const [beforeSchedule, afterSchedule] = [scheduleOf(refs[0]!.data, before), scheduleOf(refs[1]!.data, after)];
      const options = { ...(beforeSchedule ? { beforeSchedule } : {}), ...(afterSchedule ? { afterSchedule } : {}) };
      return ok({ from: refs[0]!.data, to: refs[1]!.data, comparison: compareSnapshots(before, after, options) });
    },

    async boardAt(actor, boardId, at) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const moment = isoMomentSchema.safeParse(at);
      if (!moment.success) return fail("invalid", "Give the moment as an ISO date and time, for example 2027-01-18T09:30:00Z.");
      const until = new Date(moment.data).toISOString();
      if (!limits.take(actor, "replay")) return slowDown();
      const board = await storage.getBoard(boardId);
      if (!board) return boardNotFound();
      if (until < board.createdAt) return fail("invalid", `The board was created at ${board.createdAt}; pick a later moment.`);
      const base = (await storage.listVersions(boardId)).find((v) => v.createdAt <= until) ?? null;
      const historyStarts = new Date(now().getTime() - KEEP_ALL_DAYS * DAY_MS).toISOString();
      // Without a version before it, the moment can only be rebuilt from the board's first row on.
      if (!base && board.createdAt < historyStarts)
        return fail("not-found", "Waymark keeps the changes between versions for a week: there is no version that far back.");
      const replayed = await past.at(boardId, until, {
        base,
        loadState: () => storage.loadVersionState(boardId, base!.id),
        loadRows: (afterSeq, to, limit) => storage.loadHistory(boardId, afterSeq, to, limit),
      });
      if (!replayed) return versionNotFound();
      return ok({ versionId: base?.id ?? null, at: until, ...replayed });
    },
  };
}

function restoreItemOrZero(doc: Y.Doc, version: Y.Doc, origin: ReturnType<typeof createOrigin>, itemId: string): number {
  const result = restoreItem(doc, version, origin, itemId);
  return result.ok ? result.value.changed : 0;
}
