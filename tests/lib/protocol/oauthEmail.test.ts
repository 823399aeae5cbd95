import { describe, expect, it } from "vitest";
import { oauthVouchedEmail } from "../../../lib/protocol/oauthEmail";

/** Issue 14, point 6: an OAuth sign-in is linked to an account by email only when the provider vouches for that email. */
describe("which email an OAuth provider vouches for", () => {
  it.each([
    ["Google, verified", { provider: "google", profile: { email: "Ana@Corp.test", email_verified: true } }, "ana@corp.test"],
    ["Google, not verified", { provider: "google", profile: { email: "ana@corp.test", email_verified: false } }, null],
    ["Google, the flag missing", { provider: "google", profile: { email: "ana@corp.test" } }, null],
    ["Google, the flag as a string", { provider: "google", profile: { email: "ana@corp.test", email_verified: "true" } }, null],
    [
      "GitHub, primary and verified",
      { provider: "github", profile: { email: "public@else.test" }, githubEmails: [{ email: "other@x.test", primary: false, verified: true }, { email: "ana@corp.test", primary: true, verified: true }] },
      "ana@corp.test",
    ],
    [
      "GitHub, primary not verified (another verified address does not count)",
      { provider: "github", profile: { email: "ana@corp.test" }, githubEmails: [{ email: "ana@corp.test", primary: true, verified: false }, { email: "b@x.test", primary: false, verified: true }] },
      null,
    ],
    ["GitHub, the public profile email alone", { provider: "github", profile: { email: "ana@corp.test" } }, null],
    ["GitHub, the email list unreadable", { provider: "github", profile: {}, githubEmails: { message: "Bad credentials" } }, null],
    ["another provider", { provider: "gitlab", profile: { email: "ana@corp.test", email_verified: true } }, null],
  ])("%s", (_what, input, expected) => {
    expect(oauthVouchedEmail(input)).toBe(expected);
  });
});
