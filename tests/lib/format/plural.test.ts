import { describe, expect, it } from "vitest";
import { countOf, plural } from "../../../lib/format/plural";

describe("plurals through Intl.PluralRules", () => {
  const revoked = { one: "# revoked link no longer works", other: "# revoked links no longer work" };

  it("chooses the whole phrase, so the verb agrees too", () => {
    expect(plural(1, revoked)).toBe("1 revoked link no longer works");
    expect(plural(2, revoked)).toBe("2 revoked links no longer work");
    expect(plural(0, revoked)).toBe("0 revoked links no longer work");
  });

  it("writes the count as people do", () => {
    expect(countOf(5_000, "character")).toBe("5,000 characters");
    expect(countOf(1, "person", "people")).toBe("1 person");
    expect(countOf(3, "person", "people")).toBe("3 people");
  });

  it("follows the locale's rules (French counts 0 and 1 as one; Polish has a 'few' form)", () => {
    expect(plural(0, { one: "# lien", other: "# liens" }, "fr")).toBe("0 lien");
    expect(plural(3, { one: "# link", few: "# linki", many: "# linków", other: "# linku" }, "pl")).toBe("3 linki");
    expect(plural(5, { one: "# link", few: "# linki", many: "# linków", other: "# linku" }, "pl")).toBe("5 linków");
  });
});
