import * as Y from "yjs";
import { commentBodyFromText, type CommentBody } from "../../lib/model/commentBody";
import { newUserId, type BoardId, type ItemId, type MilestoneId, type UserId } from "../../lib/model/ids";
import { createItem } from "../../lib/model/itemCommands";
import { addMilestone } from "../../lib/model/milestoneCommands";
import { createOrigin } from "../../lib/model/origin";
import type { ServiceResult } from "../../lib/protocol/appServices";
import type { Role } from "../../lib/protocol/roles";
import type { ServerConfig } from "../../server/config";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "./testServer";

/**
 * A running server with a board on which each role is held by a named person, and an item and
 * a milestone to comment on: the stage of the comment tests.
 */
export interface CommentWorld {
  s: TestServer;
  board: TestBoard;
  /**
   * The item's owners are free text naming Ben by his email's local part, Chen by email and
   * Dev by name, each in another case and spacing.
   */
  people: Record<"owner" | "editor" | "commenter" | "viewer" | "stranger", UserId>;
  itemId: ItemId;
  itemTitle: string;
  milestoneId: MilestoneId;
  close(): Promise<void>;
}

const PEOPLE: [keyof CommentWorld["people"], string, string, Role | null][] = [
  ["editor", "Ben  Editor", "ben@team.test", "editor"],
  ["commenter", "Chen Commenter", "chen.c@team.test", "commenter"],
  ["viewer", "Dev Viewer", "dev@team.test", "viewer"],
  ["stranger", "Sam Stranger", "sam@elsewhere.test", null],
];

/** Writes to a board's stored log directly, as the sync server would (no room is loaded yet). */
export async function editStoredBoard(s: TestServer, boardId: BoardId, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc();
  for (const update of (await s.store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, update);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  await s.store.appendUpdates([{ boardId, updates: [Y.encodeStateAsUpdate(doc, before)] }]);
  doc.destroy();
}

/** `overrides` point the server elsewhere, such as at a PostgreSQL schema (storageBackends.ts). */
export async function startCommentWorld(overrides: Partial<ServerConfig> = {}): Promise<CommentWorld> {
  const s = await startTestServer(overrides);
  const board = await s.boards.createBoard({ title: "Comments board" });
  const people = { owner: board.ownerId } as CommentWorld["people"];
  for (const [key, name, email, role] of PEOPLE) {
    const id = newUserId();
    await s.store.createUser({ id, email, name, passwordHash: null });
    if (role) await s.store.setRole(board.id, id, role);
    people[key] = id;
  }
  let itemId = "" as ItemId;
  let milestoneId = "" as MilestoneId;
  const itemTitle = "Online booking";
  await editStoredBoard(s, board.id, (doc) => {
    const origin = createOrigin("local", "owner");
    const item = createItem(doc, origin, { title: itemTitle, start: "2030-03-04", duration: 5, owners: [" BEN ", "Chen.C@TEAM.test", "dev   viewer"] });
    const milestone = addMilestone(doc, origin, { title: "Beta release", date: "2030-06-03", kind: "release" });
    if (!item.ok || !milestone.ok) throw new Error("fixture edits refused");
    itemId = item.value;
    milestoneId = milestone.value;
  });
  return {
    s,
    board,
    people,
    itemId,
    itemTitle,
    milestoneId,
    async close() {
      await s.close();
      removeDataDir(s.dataDir);
    },
  };
}

/** A plain-text body, as a client without the editor would send it. */
export const text = (t: string): CommentBody => commentBodyFromText(t);

/** A body that mentions someone (with whatever label the client claims). */
export const mentioning = (id: string, label: string, after = " can you check?"): CommentBody => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "mention", attrs: { id, label } }, { type: "text", text: after }] }],
});

export const kindOf = (r: ServiceResult<unknown>) => (r.ok ? "ok" : r.error.kind);

/** The value of a result that must have succeeded. */
export function value<T>(r: ServiceResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.message}`);
  return r.value;
}
