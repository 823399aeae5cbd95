import { describe, expect, it } from "vitest";
import { boundedTitle, cleanText, MAX_BOARD_TITLE } from "../../../lib/model/plainText";

describe("text the server copies out of a document", () => {
  it.each([
    ["bidi overrides and isolates", "a\u202Eb\u202Dc\u2066d\u2069", "abcd"],
    ["NUL and other controls, tabs kept", "a\u0000b\u0007c\td\u009F", "abc\td"],
    ["a lone high surrogate", "a\uD83Db", "ab"],
    ["a lone low surrogate", "a\uDE00b", "ab"],
    ["a real pair stays", "a\uD83D\uDE00b", "a\uD83D\uDE00b"],
  ])("strips %s", (_name, input, expected) => {
    expect(cleanText(input, 100)).toBe(expected);
  });

  it("cuts to the limit without splitting a surrogate pair", () => {
    expect(cleanText("x".repeat(9) + "\uD83D\uDE00", 10)).toBe("x".repeat(9));
  });

  it("bounds a 5 MB title to the field's limit", () => {
    expect(boundedTitle("t".repeat(5_000_000))).toHaveLength(MAX_BOARD_TITLE);
  });

  it("leaves non-strings and empty results to the listing's own copy", () => {
    expect(boundedTitle(42)).toBeUndefined();
    expect(boundedTitle("\u202E\u0000 ")).toBeUndefined();
  });
});
