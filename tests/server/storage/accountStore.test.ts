import { describe, expect, it } from "vitest";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../lib/model/ids";
import type { Role } from "../../../lib/protocol/roles";
import type { Storage } from "../../../server/storage/storage";
import { describeEachStorage, freshStoreEachTest } from "../../helpers/storageBackends";

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const state = new Uint8Array([0]);

async function user(store: Storage, name: string, email = `${name.toLowerCase()}@test.dev`): Promise<UserId> {
  const id = newUserId();
  const created = await store.createUser({ id, email, name, passwordHash: null });
  if (!created) throw new Error(`email taken: ${email}`);
  return id;
}
async function ownedBoard(store: Storage, ownerId: UserId, title = "Board"): Promise<BoardId> {
  const id = newBoardId();
  await store.createOwnedBoard({ id, title, ownerId }, state);
  return id;
}
const invitation = (boardId: BoardId, email: string, role: Role, invitedBy: UserId, createdAt: string) => ({
  id: `inv-${Math.random().toString(36).slice(2)}`,
  boardId,
  email,
  role,
  invitedBy,
  createdAt,
  expiresAt: "2031-01-01T00:00:00.000Z",
});
let hashes = 0;
const someHash = () => `hash-${hashes++}`;

describeEachStorage("account store", (backend) => {
  const t = freshStoreEachTest(backend);

  describe("users", () => {
    it("creates a user once per email; the secret is read only by email", async () => {
      const id = newUserId();
      const created = await t.store.createUser({ id, email: "ana@test.dev", name: "Ana", passwordHash: "scrypt$x" });
      expect(created).toEqual({ id, email: "ana@test.dev", name: "Ana", createdAt: created!.createdAt });
      expect(created!.createdAt).toMatch(ISO_MS);
      expect(await t.store.createUser({ id: newUserId(), email: "ana@test.dev", name: "Other", passwordHash: null })).toBeNull();
      expect(await t.store.findUserByEmail("ana@test.dev")).toEqual({ ...created, passwordHash: "scrypt$x" });
      expect(await t.store.getUser(id)).toEqual(created);
      expect(await t.store.findUserByEmail("nobody@test.dev")).toBeNull();
      expect(await t.store.getUser(newUserId())).toBeNull();
      expect(await t.store.countUsers()).toBe(1);
    });

    it("emails are matched exactly (callers normalise them first)", async () => {
      await user(t.store, "Ana", "ana@test.dev");
      expect(await t.store.findUserByEmail("ANA@test.dev")).toBeNull();
      expect(await t.store.createUser({ id: newUserId(), email: "Ana@test.dev", name: "A", passwordHash: null })).not.toBeNull();
      expect(await t.store.countUsers()).toBe(2);
    });

    it("two sign-ups with one email at the same moment give one account", async () => {
      const attempts = await Promise.all(
        [1, 2, 3].map((n) => t.store.createUser({ id: newUserId(), email: "race@test.dev", name: `R${n}`, passwordHash: null })),
      );
      expect(attempts.filter(Boolean)).toHaveLength(1);
      expect(await t.store.countUsers()).toBe(1);
    });
  });

  describe("invitations are accepted with their secret, never by signing up", () => {
    it("signing up with an invited address makes no membership and leaves the invitation pending", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      const pending = invitation(board, "new@test.dev", "editor", owner, new Date().toISOString());
      await t.store.createInvitation(pending, "hash-new");
      const newcomer = await user(t.store, "New", "new@test.dev");
      expect(await t.store.roleOf(board, newcomer)).toBeNull();
      expect(await t.store.listBoardsOf(newcomer)).toEqual([]);
      expect(await t.store.listInvitations(board)).toEqual([pending]);
    });

    it("finds an invitation by its secret's hash only; accepting uses it up once, for one account", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      const pending = invitation(board, "new@test.dev", "commenter", owner, "2030-01-01T00:00:00.000Z");
      await t.store.createInvitation(pending, "hash-1");
      expect(await t.store.findInvitationBySecretHash("hash-1")).toEqual(pending);
      expect(await t.store.findInvitationBySecretHash(pending.id)).toBeNull();
      const [a, b] = [await user(t.store, "A"), await user(t.store, "B")];
      const results = await Promise.all([t.store.acceptInvitation(pending.id, a), t.store.acceptInvitation(pending.id, b)]);
      expect(results.filter(Boolean)).toEqual([{ boardId: board, role: "commenter" }]);
      const roles = [await t.store.roleOf(board, a), await t.store.roleOf(board, b)];
      expect(roles.filter(Boolean)).toEqual(["commenter"]);
      expect(await t.store.findInvitationBySecretHash("hash-1")).toBeNull();
      expect(await t.store.listInvitations(board)).toEqual([]);
    });

    it("accepting never changes the role of someone already on the board", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      const pending = invitation(board, "owner@test.dev", "viewer", owner, "2030-01-01T00:00:00.000Z");
      await t.store.createInvitation(pending, "hash-o");
      expect(await t.store.acceptInvitation(pending.id, owner)).toEqual({ boardId: board, role: "viewer" });
      expect(await t.store.roleOf(board, owner)).toBe("owner");
    });

    it("re-inviting replaces the secret: the old link stops working", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      await t.store.createInvitation(invitation(board, "x@test.dev", "viewer", owner, "2030-01-01T00:00:00.000Z"), "old");
      const again = invitation(board, "x@test.dev", "editor", owner, "2030-01-02T00:00:00.000Z");
      await t.store.createInvitation(again, "new");
      expect(await t.store.findInvitationBySecretHash("old")).toBeNull();
      expect(await t.store.findInvitationBySecretHash("new")).toEqual(again);
    });

    it("re-inviting an email replaces the earlier invitation; listed oldest first; deleted once", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      const first = invitation(board, "x@test.dev", "viewer", owner, "2030-01-01T00:00:00.000Z");
      const second = invitation(board, "y@test.dev", "editor", owner, "2030-01-02T00:00:00.000Z");
      const again = invitation(board, "x@test.dev", "editor", owner, "2030-01-03T00:00:00.000Z");
      await t.store.createInvitation(first, someHash());
      await t.store.createInvitation(second, someHash());
      await t.store.createInvitation(again, someHash());
      expect(await t.store.listInvitations(board)).toEqual([second, again]);
      expect(await t.store.deleteInvitation(board, again.id)).toBe(true);
      expect(await t.store.deleteInvitation(board, again.id)).toBe(false);
      expect(await t.store.deleteInvitation(newBoardId(), second.id)).toBe(false);
      expect(await t.store.listInvitations(board)).toEqual([second]);
    });
  });

  describe("boards and roles", () => {
    it("the creator owns a new board; its row and first state are stored with the membership", async () => {
      const owner = await user(t.store, "Owner");
      const id = newBoardId();
      const board = await t.store.createOwnedBoard({ id, title: "Mine", ownerId: owner }, new Uint8Array([7, 8]));
      expect(board.createdAt).toMatch(ISO_MS);
      expect(await t.store.getBoard(id)).toEqual(board);
      expect(await t.store.roleOf(id, owner)).toBe("owner");
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [new Uint8Array([7, 8])], logLength: 1, checked: [true], lastSeq: expect.any(Number) });
      expect(await t.store.listBoardsOf(owner)).toEqual([{ ...board, role: "owner" }]);
    });

    it("a board for an owner who does not exist is not created at all", async () => {
      const id = newBoardId();
      await expect(t.store.createOwnedBoard({ id, title: "Orphan", ownerId: newUserId() }, state)).rejects.toThrow();
      expect(await t.store.getBoard(id)).toBeNull();
      expect(await t.store.loadUpdates(id)).toEqual({ updates: [], logLength: 0, checked: [], lastSeq: 0 });
    });

    it("setRole adds or changes a member; removeMember takes them out; members list by name then email, bytewise", async () => {
      const owner = await user(t.store, "Owner", "owner@test.dev");
      const board = await ownedBoard(t.store, owner);
      const ana = await user(t.store, "ana", "ana@test.dev");
      const ben = await user(t.store, "Ben", "ben@test.dev");
      const ben2 = await user(t.store, "Ben", "a-ben@test.dev");
      await t.store.setRole(board, ana, "viewer");
      await t.store.setRole(board, ben, "commenter");
      await t.store.setRole(board, ben2, "editor");
      await t.store.setRole(board, ana, "editor");
      // Upper case sorts before lower case, as SQLite's BINARY collation orders them.
      expect(await t.store.listMembers(board)).toEqual([
        { userId: ben2, email: "a-ben@test.dev", name: "Ben", role: "editor" },
        { userId: ben, email: "ben@test.dev", name: "Ben", role: "commenter" },
        { userId: owner, email: "owner@test.dev", name: "Owner", role: "owner" },
        { userId: ana, email: "ana@test.dev", name: "ana", role: "editor" },
      ]);
      await t.store.removeMember(board, ben);
      expect(await t.store.roleOf(board, ben)).toBeNull();
      expect((await t.store.listMembers(board)).map((m) => m.userId)).toEqual([ben2, owner, ana]);
      expect(await t.store.listBoardsOf(ben)).toEqual([]);
    });

    it("lists a user's boards most recently updated first, each with the user's role", async () => {
      const owner = await user(t.store, "Owner");
      const guest = await user(t.store, "Guest");
      const older = await ownedBoard(t.store, owner, "Older");
      const newer = await ownedBoard(t.store, owner, "Newer");
      const notMine = await ownedBoard(t.store, owner, "Not mine");
      await t.store.setRole(older, guest, "viewer");
      await t.store.setRole(newer, guest, "editor");
      await new Promise((r) => setTimeout(r, 5));
      await t.store.appendUpdates([{ boardId: older, updates: [new Uint8Array([1])] }]);
      const listed = await t.store.listBoardsOf(guest);
      expect(listed.map((b) => [b.title, b.role])).toEqual([
        ["Older", "viewer"],
        ["Newer", "editor"],
      ]);
      expect(listed.some((b) => b.id === notMine)).toBe(false);
    });

    it("deleting a board removes its memberships, invitations and share links", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      await t.store.createInvitation(invitation(board, "later@test.dev", "viewer", owner, new Date().toISOString()), "hash-later");
      const link = { id: "link-1", boardId: board, createdBy: owner, createdAt: new Date().toISOString(), revokedAt: null };
      await t.store.createShareLink(link, "hash-1");
      await t.store.deleteBoard(board);
      expect(await t.store.roleOf(board, owner)).toBeNull();
      expect(await t.store.listBoardsOf(owner)).toEqual([]);
      expect(await t.store.listInvitations(board)).toEqual([]);
      expect(await t.store.findShareLinkBySecretHash("hash-1")).toBeNull();
      expect(await t.store.findInvitationBySecretHash("hash-later")).toBeNull();
    });
  });

  describe("mail preferences", () => {
    it("comment mail is on by default and can be switched off and on again", async () => {
      const ana = await user(t.store, "Ana");
      expect(await t.store.mailNotificationsOf(ana)).toBe(true);
      await t.store.setMailNotifications(ana, false);
      expect(await t.store.mailNotificationsOf(ana)).toBe(false);
      await t.store.setMailNotifications(ana, true);
      expect(await t.store.mailNotificationsOf(ana)).toBe(true);
      expect(await t.store.mailNotificationsOf(newUserId())).toBe(false);
    });
  });

  describe("share links", () => {
    it("stores links by secret hash, lists them oldest first, revokes each once", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      const a = { id: "link-a", boardId: board, createdBy: owner, createdAt: "2030-01-02T00:00:00.000Z", revokedAt: null };
      const b = { id: "link-b", boardId: board, createdBy: owner, createdAt: "2030-01-01T00:00:00.000Z", revokedAt: null };
      await t.store.createShareLink(a, "hash-a");
      await t.store.createShareLink(b, "hash-b");
      expect(await t.store.listShareLinks(board)).toEqual([b, a]);
      expect(await t.store.findShareLinkBySecretHash("hash-a")).toEqual(a);
      expect(await t.store.findShareLinkBySecretHash("link-a")).toBeNull();

      const at = "2030-02-01T10:00:00.123Z";
      expect(await t.store.revokeShareLink(board, a.id, at)).toBe(true);
      expect(await t.store.revokeShareLink(board, a.id, "2030-03-01T00:00:00.000Z")).toBe(false);
      expect(await t.store.revokeShareLink(newBoardId(), b.id, at)).toBe(false);
      expect(await t.store.findShareLinkBySecretHash("hash-a")).toEqual({ ...a, revokedAt: at });
      expect(await t.store.listShareLinks(board)).toEqual([b, { ...a, revokedAt: at }]);
    });

    it("a secret hash is unique", async () => {
      const owner = await user(t.store, "Owner");
      const board = await ownedBoard(t.store, owner);
      await t.store.createShareLink({ id: "l1", boardId: board, createdBy: owner, createdAt: "2030-01-01T00:00:00.000Z", revokedAt: null }, "same");
      await expect(
        t.store.createShareLink({ id: "l2", boardId: board, createdBy: owner, createdAt: "2030-01-01T00:00:00.000Z", revokedAt: null }, "same"),
      ).rejects.toThrow();
      expect((await t.store.listShareLinks(board)).map((l) => l.id)).toEqual(["l1"]);
    });
  });
});
