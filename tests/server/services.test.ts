import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UserId } from "../../lib/model/ids";
import type { ServiceResult } from "../../lib/protocol/appServices";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

let s: TestServer;
let board: TestBoard;
let editor: UserId;
let stranger: UserId;

beforeEach(async () => {
  s = await startTestServer();
  board = await s.boards.createBoard({ title: "Services" });
  editor = await s.createUser("Editor");
  stranger = await s.createUser("Stranger");
  await s.store.setRole(board.id, editor, "editor");
});
afterEach(async () => {
  await s.close();
  removeDataDir(s.dataDir);
});

const kindOf = (r: ServiceResult<unknown>) => (r.ok ? "ok" : r.error.kind);

describe("accounts", () => {
  it("sign-up validates its input and refuses a second account for one email", async () => {
    expect(kindOf(await s.services.signUp({ email: "not-an-email", name: "X", password: "long enough" }))).toBe("invalid");
    expect(kindOf(await s.services.signUp({ email: "a@b.dev", name: "X", password: "short" }))).toBe("invalid");
    expect(kindOf(await s.services.signUp({ email: "A@B.dev ", name: "Ann", password: "long enough" }))).toBe("ok");
    expect(kindOf(await s.services.signUp({ email: "a@b.dev", name: "Again", password: "long enough" }))).toBe("conflict");
  });

  it("credentials are checked against the stored hash, never revealing which part was wrong", async () => {
    await s.services.signUp({ email: "c@d.dev", name: "Cid", password: "correct horse" });
    expect((await s.services.verifyCredentials("C@D.dev", "correct horse"))?.name).toBe("Cid");
    expect(await s.services.verifyCredentials("c@d.dev", "wrong horse")).toBeNull();
    expect(await s.services.verifyCredentials("nobody@d.dev", "correct horse")).toBeNull();
    expect((await s.store.findUserByEmail("c@d.dev"))?.passwordHash).toMatch(/^scrypt\$/);
  });

  it("an invitation for an address without an account is accepted at sign-up", async () => {
    expect(await s.services.invite(board.ownerId, board.id, { email: "new@x.dev", role: "commenter" })).toEqual({ ok: true, value: { status: "invited" } });
    const signed = await s.services.signUp({ email: "new@x.dev", name: "New", password: "long enough" });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(await s.store.roleOf(board.id, signed.value.id)).toBe("commenter");
    expect(await s.store.listInvitations(board.id)).toEqual([]);
  });
});

describe("who may do what to a board", () => {
  it("only members see a board; everyone else gets not-found", async () => {
    expect((await s.services.listBoards(editor)).map((b) => b.id)).toEqual([board.id]);
    expect(await s.services.listBoards(stranger)).toEqual([]);
    expect(kindOf(await s.services.openBoard({ kind: "user", userId: stranger, name: "", email: "" }, board.id))).toBe("not-found");
    expect(kindOf(await s.services.listMembers(stranger, board.id))).toBe("not-found");
  });

  it.each([
    ["invite", () => s.services.invite(editor, board.id, { email: "z@z.dev", role: "viewer" })],
    ["change a role", () => s.services.changeRole(editor, board.id, board.ownerId, "viewer")],
    ["remove someone else", () => s.services.removeMember(editor, board.id, board.ownerId)],
    ["create a share link", () => s.services.createShareLink(editor, board.id)],
    ["delete the board", () => s.services.deleteBoard(editor, board.id)],
  ])("an editor may not %s (forbidden), a non-member gets not-found", async (_what, act) => {
    expect(kindOf(await act())).toBe("forbidden");
    expect(await s.store.roleOf(board.id, board.ownerId)).toBe("owner");
    expect(await s.store.getBoard(board.id)).not.toBeNull();
  });

  it("a board always keeps an owner", async () => {
    expect(kindOf(await s.services.changeRole(board.ownerId, board.id, board.ownerId, "editor"))).toBe("conflict");
    expect(kindOf(await s.services.removeMember(board.ownerId, board.id, board.ownerId))).toBe("conflict");
    await s.services.changeRole(board.ownerId, board.id, editor, "owner");
    expect(kindOf(await s.services.removeMember(board.ownerId, board.id, board.ownerId))).toBe("ok");
  });

  it("share links resolve to a guest viewer until revoked", async () => {
    const link = await s.services.createShareLink(board.ownerId, board.id);
    if (!link.ok) throw new Error(link.error.message);
    const guest = await s.services.resolveShareLink(link.value.secret);
    expect(guest?.boardId).toBe(board.id);
    expect(kindOf(await s.services.openBoard(guest!.principal, board.id))).toBe("ok");
    await s.services.revokeShareLink(board.ownerId, board.id, link.value.id);
    expect(await s.services.resolveShareLink(link.value.secret)).toBeNull();
    expect(kindOf(await s.services.openBoard(guest!.principal, board.id))).toBe("not-found");
  });

  it("deleting a board removes it for every member", async () => {
    expect(kindOf(await s.services.deleteBoard(board.ownerId, board.id))).toBe("ok");
    expect(await s.services.listBoards(editor)).toEqual([]);
    expect(await s.store.getBoard(board.id)).toBeNull();
  });
});
