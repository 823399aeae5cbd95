import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtpCatcher";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

/**
 * Sign-up (issue 14, point 9): weak passwords are refused with a reason, and an address that
 * already has an account gets exactly the answer a new one gets, while its owner is told by mail.
 */
describe("sign-up", () => {
  let smtp: SmtpCatcher;
  let s: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(async () => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    s = await startTestServer({ smtpUrl: smtp.url });
  });
  afterEach(async () => {
    await s.close();
    removeDataDir(s.dataDir);
  });

  const strong = "a quiet crane at dusk";

  it.each([
    ["a common password", "password123", /too easy to guess \(This is a (commonly|frequently) used password\)/],
    ["a keyboard walk", "qwertyuiop", /too easy to guess/],
    ["the person's own address", "mia.marsh@corp.test", /too easy to guess/],
    ["the person's name and a year", "MiaMarsh1990", /too easy to guess/],
    ["a repeated character", "aaaaaaaaaaaa", /too easy to guess/],
  ])("refuses %s with the reason", async (_what, password, reason) => {
    const result = await s.services.signUp({ email: "mia.marsh@corp.test", name: "Mia Marsh", password });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe("invalid");
      expect(result.error.message).toMatch(/^password: /);
      expect(result.error.message).toMatch(reason);
    }
    expect(await s.store.findUserByEmail("mia.marsh@corp.test")).toBeNull();
  });

  it("refuses passwords under 8 characters, saying so", async () => {
    expect(await s.services.signUp({ email: "a@corp.test", name: "A", password: "Zq9!x" })).toEqual({
      ok: false,
      error: { kind: "invalid", message: "password: must be at least 8 characters" },
    });
  });

  it("an address with an account gets the same answer as a new one; the account is untouched and its owner is mailed", async () => {
    const fresh = await s.services.signUp({ email: "new@corp.test", name: "New", password: strong });
    await s.services.signUp({ email: "ana@corp.test", name: "Ana", password: strong });
    const again = await s.services.signUp({ email: " ANA@corp.test", name: "Impostor", password: "another long phrase here" });
    expect(again).toEqual(fresh);
    expect(again).toEqual({ ok: true, value: { status: "accepted" } });
    // The first account stands, with its own name and password.
    expect((await s.services.verifyCredentials("ana@corp.test", strong))?.name).toBe("Ana");
    expect(await s.services.verifyCredentials("ana@corp.test", "another long phrase here")).toBeNull();
    const notice = await smtp.waitFor("ana@corp.test", /already has one/);
    expect(notice.subject).toBe("Someone tried to create a Waymark account with your address");
    expect(notice.text).toContain(`${s.url}/signin`);
    // New accounts are welcomed by mail, so both answers queue exactly one message.
    await smtp.waitFor("new@corp.test", /account for this address is ready/);
  });
});
