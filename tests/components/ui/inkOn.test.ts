import { describe, expect, it } from "vitest";
import { contrast, inkOn, luminance } from "../../../components/ui/inkOn";
import { presenceColorFor } from "../../../lib/protocol/presenceColor";

describe("initials on a person's colour are readable (WCAG AA, 4.5:1)", () => {
  it("for every colour presence can give someone", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000 && seen.size < 24; i++) seen.add(presenceColorFor(`user-${i}`));
    expect(seen.size).toBe(24);
    for (const color of seen) {
      const ratio = contrast(luminance(color)!, luminance(inkOn(color))!);
      expect(ratio, `${inkOn(color)} on ${color}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("white on dark colours, dark on light ones (the yellow-greens axe flagged with white)", () => {
    expect(inkOn("#1e3a8a")).toBe("#ffffff");
    expect(inkOn("#bcbc24")).toBe("#0f172a");
    expect(inkOn("#24bc70")).toBe("#0f172a");
  });
});
