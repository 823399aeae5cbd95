import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { newUserId, type UserId } from "../../lib/model/ids";
import type { ServiceResult } from "../../lib/protocol/appServices";
import { hashShareSecret } from "../../server/services/memberServices";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtpCatcher";
import { describeEachStorage } from "../helpers/storageBackends";
import { removeDataDir, startTestServer, type TestBoard, type TestServer } from "../helpers/testServer";

const kindOf = (r: ServiceResult<unknown>) => (r.ok ? "ok" : r.error.kind);

/** The secret in the invitation link of a mail (the link must point at this server). */
function secretIn(text: string, s: TestServer): string {
  const link = /(https?:\/\/\S+)\/invitations\/([A-Za-z0-9_-]+)/.exec(text);
  if (!link) throw new Error(`no invitation link in:\n${text}`);
  expect(link[1]).toBe(s.url);
  return link[2]!;
}

/**
 * Invitations (issue 14, points 6 and 7): a mailed link with a secret is the only way in. An
 * address typed at sign-up proves nothing, so it claims nothing; the answer to "invite this
 * address" is the same whether or not it has an account.
 */
describeEachStorage("invitations need the mailed secret", (backend) => {
  let smtp: SmtpCatcher;
  let s: TestServer;
  let board: TestBoard;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    s = await startTestServer({ ...backend.serverConfig(), smtpUrl: smtp.url });
    board = await s.boards.createBoard({ title: "Launch plan" });
  });
  afterEach(async () => {
    await s.close();
    removeDataDir(s.dataDir);
  });

  async function account(email: string): Promise<UserId> {
    const id = newUserId();
    await s.store.createUser({ id, email, name: email.split("@")[0]!, passwordHash: null });
    return id;
  }
  async function invite(email: string, role: "editor" | "viewer" = "editor"): Promise<string> {
    expect(await s.services.invite(board.ownerId, board.id, { email, role })).toEqual({ ok: true, value: { status: "invited" } });
    return secretIn((await smtp.waitFor(email, /invitations\//)).text, s);
  }

  it("whoever signs up first with an invited address does not become a member", async () => {
    await invite("new.hire@corp.test");
    const squatter = await s.services.signUp({ email: "new.hire@corp.test", name: "Not Them", password: "a quiet crane at dusk" });
    expect(squatter).toEqual({ ok: true, value: { status: "accepted" } });
    const user = await s.store.findUserByEmail("new.hire@corp.test");
    expect(await s.store.roleOf(board.id, user!.id)).toBeNull();
    expect(await s.services.listBoards(user!.id)).toEqual([]);
    expect((await s.store.listInvitations(board.id)).map((i) => i.email)).toEqual(["new.hire@corp.test"]);
  });

  it("the invitation is mailed to the address; its link shows the board and makes the signed-in holder a member, once", async () => {
    const secret = await invite("new.hire@corp.test");
    const mail = await smtp.waitFor("new.hire@corp.test");
    expect(mail.subject).toBe("Owner invited you to “Launch plan” on Waymark");
    expect(mail.text).toContain("as an editor");
    const preview = await s.services.previewInvitation(secret);
    expect(preview.ok && preview.value).toMatchObject({ boardTitle: "Launch plan", role: "editor", email: "new.hire@corp.test", inviter: "Owner" });
    const hire = await account("new.hire@corp.test");
    expect(await s.services.acceptInvitation(hire, secret)).toEqual({ ok: true, value: { boardId: board.id } });
    expect(await s.store.roleOf(board.id, hire)).toBe("editor");
    expect(await s.store.listInvitations(board.id)).toEqual([]);
    // Single use: the same link does nothing for anyone after that.
    const other = await account("other@corp.test");
    expect(kindOf(await s.services.acceptInvitation(other, secret))).toBe("not-found");
    expect(kindOf(await s.services.previewInvitation(secret))).toBe("not-found");
    expect(await s.store.roleOf(board.id, other)).toBeNull();
  });

  it("without the secret nothing is accepted: guessed secrets, the invitation id, junk", async () => {
    await invite("new.hire@corp.test");
    const [invitation] = await s.store.listInvitations(board.id);
    const hire = await account("new.hire@corp.test");
    for (const guess of [randomBytes(24).toString("base64url"), invitation!.id, "", "../../etc", "x".repeat(5000)]) {
      expect(kindOf(await s.services.acceptInvitation(hire, guess))).toBe("not-found");
    }
    expect(await s.store.roleOf(board.id, hire)).toBeNull();
  });

  it("withdrawn, replaced and expired links are refused", async () => {
    const withdrawn = await invite("a@corp.test");
    const [first] = await s.store.listInvitations(board.id);
    expect(kindOf(await s.services.revokeInvitation(board.ownerId, board.id, first!.id))).toBe("ok");
    const a = await account("a@corp.test");
    expect(kindOf(await s.services.acceptInvitation(a, withdrawn))).toBe("not-found");

    // Resending mails a new link and the old one stops working.
    const old = await invite("b@corp.test");
    const [pending] = await s.store.listInvitations(board.id);
    smtp.mails.length = 0;
    expect(kindOf(await s.services.resendInvitation(board.ownerId, board.id, pending!.id))).toBe("ok");
    const fresh = secretIn((await smtp.waitFor("b@corp.test")).text, s);
    expect(fresh).not.toBe(old);
    const b = await account("b@corp.test");
    expect(kindOf(await s.services.acceptInvitation(b, old))).toBe("not-found");
    expect(kindOf(await s.services.acceptInvitation(b, fresh))).toBe("ok");

    // Expired: stored with an expiry in the past.
    const expiredSecret = randomBytes(24).toString("base64url");
    const past = new Date(Date.now() - 1000).toISOString();
    await s.store.createInvitation(
      { id: "expired-1", boardId: board.id, email: "c@corp.test", role: "editor", invitedBy: board.ownerId, createdAt: past, expiresAt: past },
      hashShareSecret(expiredSecret),
    );
    const c = await account("c@corp.test");
    const expired = await s.services.acceptInvitation(c, expiredSecret);
    expect(!expired.ok && expired.error.message).toMatch(/expired/);
    expect(await s.store.roleOf(board.id, c)).toBeNull();
  });

  it("a viewer holding a colleague's editor link stays a viewer and leaves the link for its owner", async () => {
    const viewer = await account("viewer@corp.test");
    await s.store.setRole(board.id, viewer, "viewer");
    const secret = await invite("colleague@corp.test", "editor");
    expect(await s.services.acceptInvitation(viewer, secret)).toEqual({ ok: true, value: { boardId: board.id } });
    expect(await s.store.roleOf(board.id, viewer)).toBe("viewer");
    const colleague = await account("colleague@corp.test");
    expect(kindOf(await s.services.acceptInvitation(colleague, secret))).toBe("ok");
    expect(await s.store.roleOf(board.id, colleague)).toBe("editor");
  });

  it("inviting an existing account gets the same answer as a new address, and an invitation they accept", async () => {
    const existing = await account("known@corp.test");
    const forExisting = await s.services.invite(board.ownerId, board.id, { email: "known@corp.test", role: "viewer" });
    const forNew = await s.services.invite(board.ownerId, board.id, { email: "unknown@corp.test", role: "viewer" });
    expect(forExisting).toEqual(forNew);
    expect(await s.store.roleOf(board.id, existing)).toBeNull();
    const secret = secretIn((await smtp.waitFor("known@corp.test")).text, s);
    await smtp.waitFor("unknown@corp.test");
    expect(kindOf(await s.services.acceptInvitation(existing, secret))).toBe("ok");
    expect(await s.store.roleOf(board.id, existing)).toBe("viewer");
  });

  it("only owners invite, resend or withdraw", async () => {
    const editor = await account("ed@corp.test");
    await s.store.setRole(board.id, editor, "editor");
    await invite("z@corp.test");
    const [pending] = await s.store.listInvitations(board.id);
    expect(kindOf(await s.services.invite(editor, board.id, { email: "y@corp.test", role: "owner" }))).toBe("forbidden");
    expect(kindOf(await s.services.resendInvitation(editor, board.id, pending!.id))).toBe("forbidden");
    expect(kindOf(await s.services.revokeInvitation(editor, board.id, pending!.id))).toBe("forbidden");
  });
});

describe("mail never holds up or fails the request that sends it", () => {
  it("an invitation is answered at once even when the SMTP server is down", async () => {
    const s = await startTestServer({ smtpUrl: "smtp://127.0.0.1:9" });
    try {
      const board = await s.boards.createBoard({ title: "No mail" });
      const started = Date.now();
      expect(await s.services.invite(board.ownerId, board.id, { email: "x@corp.test", role: "viewer" })).toEqual({ ok: true, value: { status: "invited" } });
      expect(await s.services.signUp({ email: "y@corp.test", name: "Y", password: "a quiet crane at dusk" })).toEqual({ ok: true, value: { status: "accepted" } });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await s.close();
      removeDataDir(s.dataDir);
    }
  });
});
