import { describe, expect, it } from "vitest";
import { changeLines } from "../../components/board/changeLines";
import type { UserId } from "../../lib/model/ids";
import type { ChangesSummary } from "../../lib/protocol/comments";

const person = (name: string) => ({ id: `u${name}` as UserId, name });
const summary: ChangesSummary = {
  since: "2030-03-05T14:05:00.000Z",
  items: [
    { actor: person("Ben"), kind: "moved", itemId: "iPilot", title: "Pilot onboarding", count: 3, at: "2030-03-06T10:00:00.000Z" },
    { actor: person("Ana"), kind: "deleted", itemId: "iLegacy", title: "Legacy export", count: 1, at: "2030-03-06T09:00:00.000Z" },
    { actor: person("Ana"), kind: "edited", itemId: "iRenamed", title: "Old name", count: 1, at: "2030-03-06T08:00:00.000Z" },
  ],
  comments: [
    { actor: person("Chen"), threadId: "t1", anchor: { kind: "item", id: "iBeta" }, anchorTitle: "Beta feedback", count: 2, at: "2030-03-06T09:30:00.000Z" },
    { actor: person("Ana"), threadId: "t2", anchor: { kind: "board" }, anchorTitle: "Roadmap", count: 1, at: "2030-03-06T07:00:00.000Z" },
  ],
  omitted: 0,
};
const live = new Map([
  ["iPilot", "Pilot onboarding"],
  ["iRenamed", "New name"],
]);

describe("the lines of the changes card", () => {
  const lines = changeLines(summary, live);

  it("mixes items and comments newest first, with counts only above one", () => {
    expect(lines.map((l) => `${l.text}${l.countLabel ? ` ${l.countLabel}` : ""}`)).toEqual([
      "Ben moved “Pilot onboarding” ·3",
      "Chen commented on “Beta feedback” (2)",
      "Ana deleted “Legacy export”",
      "Ana edited “New name”",
      "Ana commented on the board",
    ]);
  });

  it("items on the board lead to them, by their title now; items gone lead nowhere and say so", () => {
    expect(lines[0]!.target).toEqual({ kind: "item", itemId: "iPilot" });
    expect(lines[2]).toMatchObject({ target: null, unavailable: "no longer on the board" });
    expect(lines[3]!.target).toEqual({ kind: "item", itemId: "iRenamed" });
    expect(lines[1]!.target).toEqual({ kind: "thread", threadId: "t1" });
  });
});
