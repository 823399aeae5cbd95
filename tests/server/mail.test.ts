import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../server/log";
import { outboxDir } from "../../server/mail/createMailer";
import { outboxMailer, readOutbox } from "../../server/mail/outboxMailer";
import { OUTBOX_PATH } from "../../server/mail/outboxPage";
import { mentioning, startCommentWorld, value, type CommentWorld } from "../helpers/commentWorld";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtpCatcher";
import { describeEachStorage } from "../helpers/storageBackends";
import { removeDataDir, startTestServer } from "../helpers/testServer";

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the outbox (no SMTP server configured)", () => {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "waymark-outbox-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes each message as a file, reads them newest first, and keeps only the newest N", async () => {
    const mailer = outboxMailer(dir, "Waymark <w@localhost>", createLogger("silent"), 3);
    for (let i = 1; i <= 5; i++) await mailer.deliver({ to: `p${i}@corp.test`, subject: `Message ${i}`, text: `link http://x/${i}` });
    expect(readdirSync(dir)).toHaveLength(3);
    expect((await readOutbox(dir)).map((m) => m.subject)).toEqual(["Message 5", "Message 4", "Message 3"]);
  });

  it("is where invitations go by default, and the dev page lists them to this machine only", async () => {
    const s = await startTestServer({ dev: true });
    try {
      const board = await s.boards.createBoard({ title: "Outbox board" });
      await s.services.invite(board.ownerId, board.id, { email: "new@corp.test", role: "editor" });
      await s.mail.idle();
      const [mail] = await readOutbox(outboxDir(s.dataDir));
      expect(mail).toMatchObject({ to: "new@corp.test" });
      expect(mail!.text).toMatch(new RegExp(`${s.url}/invitations/[A-Za-z0-9_-]{32}`));
      const page = await get(`${s.url}${OUTBOX_PATH}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain("new@corp.test");
      expect(page.body).toContain("/invitations/");
      // Through a proxy it is someone else's request: the same 404 as any unknown path.
      expect((await get(`${s.url}${OUTBOX_PATH}`, { "X-Forwarded-For": "203.0.113.9" })).status).toBe(404);
    } finally {
      await s.close();
      removeDataDir(s.dataDir);
    }
  });

  it("the outbox page does not exist in production", async () => {
    const s = await startTestServer({ dev: false });
    try {
      expect((await get(`${s.url}${OUTBOX_PATH}`)).status).toBe(404);
    } finally {
      await s.close();
      removeDataDir(s.dataDir);
    }
  });
});

describeEachStorage("mentions and replies by mail", (backend) => {
  let smtp: SmtpCatcher;
  let w: CommentWorld;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    w = await startCommentWorld({ ...backend.serverConfig(), smtpUrl: smtp.url });
  });
  afterEach(async () => w.close());

  it("a mention is mailed with a link to the board, except to people who switched comment mail off", async () => {
    const svc = w.s.services;
    expect(await svc.mailPreferences(w.people.commenter)).toEqual({ commentMail: true });
    expect(value(await svc.setMailPreferences(w.people.commenter, { commentMail: false }))).toEqual({ commentMail: false });
    const body = {
      type: "doc" as const,
      content: [
        {
          type: "paragraph" as const,
          content: [
            ...mentioning(w.people.commenter, "Chen").content[0]!.content!,
            ...mentioning(w.people.editor, "Ben", " please look").content[0]!.content!,
          ],
        },
      ],
    };
    const thread = value(await svc.createThread(w.people.owner, w.board.id, { anchor: { kind: "board" }, body }));
    const mail = await smtp.waitFor("ben@team.test");
    expect(mail.subject).toBe("Owner mentioned you on “Comments board”");
    expect(mail.text).toContain(`${w.s.url}/boards/${w.board.id}`);
    expect(mail.text).toContain("please look");
    // A reply reaches the thread's starter.
    value(await svc.reply(w.people.editor, w.board.id, thread.id, { body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "On it" }] }] } }));
    expect((await smtp.waitFor(`${w.board.ownerId}@test.waymark.dev`, /On it/)).subject).toBe("Ben  Editor replied in a thread you are part of on “Comments board”");
    await w.s.mail.idle();
    expect(smtp.mails.filter((m) => m.to.includes("chen.c@team.test"))).toEqual([]);
  });
});
