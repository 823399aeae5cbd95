import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "../../../components/auth/callbackUrl";

describe("safeCallbackUrl: after sign-in, only a page of this site (no open redirect)", () => {
  const host = "waymark.example:3000";
  it.each([
    ["a path", "/boards/b123?x=1#top", "/boards/b123?x=1#top"],
    ["an absolute URL of this site (next-auth sends these)", "http://waymark.example:3000/boards/b1", "/boards/b1"],
    ["the site's root as an absolute URL", "https://waymark.example:3000", "/"],
    ["another site", "https://evil.example/phish", "/"],
    ["a look-alike host", "https://waymark.example:3000.evil.example/", "/"],
    ["a protocol-relative URL", "//evil.example/phish", "/"],
    ["a backslash trick browsers read as //", "/\\evil.example", "/"],
    ["a javascript: URL", "javascript:alert(1)", "/"],
    ["a relative path", "boards/b1", "/"],
    ["a control character", "/boards/\nb1", "/"],
    ["nothing", undefined, "/"],
    ["a repeated parameter", ["/a", "/b"], "/"],
  ])("%s", (_what, raw, expected) => {
    expect(safeCallbackUrl(raw, host)).toBe(expected);
  });
});
