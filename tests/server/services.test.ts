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
  it("sign-up validates its input", async () => {
    expect(kindOf(await s.services.signUp({ email: "not-an-email", name: "X", password: "a quiet crane at dusk" }))).toBe("invalid");
    expect(kindOf(await s.services.signUp({ email: "a@b.dev", name: "X", password: "short" }))).toBe("invalid");
    expect(kindOf(await s.services.signUp({ email: "A@B.dev ", name: "Ann", password: "a quiet crane at dusk" }))).toBe("ok");
    expect((await s.store.findUserByEmail("a@b.dev"))?.name).toBe("Ann");
  });

  it("credentials are checked against the stored hash, never revealing which part was wrong", async () => {
    await s.services.signUp({ email: "c@d.dev", name: "Cid", password: "correct horse battery" });
    expect((await s.services.verifyCredentials("C@D.dev", "correct horse battery"))?.name).toBe("Cid");
    expect(await s.services.verifyCredentials("c@d.dev", "wrong horse battery")).toBeNull();
    expect(await s.services.verifyCredentials("nobody@d.dev", "correct horse battery")).toBeNull();
    expect((await s.store.findUserByEmail("c@d.dev"))?.passwordHash).toMatch(/^scrypt\$/);
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
