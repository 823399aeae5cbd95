import { describe, expect, it } from "vitest";
import { updateBoard, type BoardPatch } from "../../../lib/model/boardCommands";
import { boardMap } from "../../../lib/model/docLayout";
import { readSnapshot } from "../../../lib/model/snapshot";
import { alice, expectError, expectNoChange, expectOneTransaction } from "../helpers/docs";
import { templateBoard } from "../helpers/fixtures";

describe("updateBoard changes board settings in one transaction with the caller's origin", () => {
  it.each<[string, BoardPatch]>([
    ["title", { title: "Booking service" }],
    ["goal", { goal: "Every citizen books online" }],
    ["horizon", { horizonStart: "2027-02-01", horizonEnd: "2028-06-30" }],
    ["calendar", { workingDays: [1, 2, 3, 4], holidays: ["2027-12-24", "2027-12-25"] }],
    ["time scale", { timeScale: "quarters" }],
  ])("sets the %s", (_what, patch) => {
    const { doc } = templateBoard();
    const before = readSnapshot(doc).board;
    const result = expectOneTransaction(doc, alice, () => updateBoard(doc, alice, patch));
    expect(result.ok).toBe(true);
    expect(readSnapshot(doc).board).toEqual({ ...before, ...patch });
    expect(readSnapshot(doc).problems).toEqual([]);
  });

  it("accepts a new horizon end when the stored start is junk (nothing valid to compare with)", () => {
    const { doc } = templateBoard();
    boardMap(doc).set("horizonStart", "zzz");
    expect(updateBoard(doc, alice, { horizonEnd: "2027-06-30" }).ok).toBe(true);
  });

  it("trims the title it stores", () => {
    const { doc } = templateBoard();
    expect(updateBoard(doc, alice, { title: "  Roadmap  " }).ok).toBe(true);
    expect(readSnapshot(doc).board.title).toBe("Roadmap");
  });
});

describe("updateBoard refuses bad input with a message naming the field, and changes nothing", () => {
  it.each<[string, unknown, RegExp]>([
    ["an empty title", { title: "" }, /title/],
    ["a blank title", { title: "   " }, /title/],
    ["an impossible date", { horizonStart: "2027-02-30" }, /horizonStart/],
    ["an unknown time scale", { timeScale: "days" }, /timeScale/],
    ["weekday 0", { workingDays: [0, 1] }, /workingDays/],
    ["weekday 8", { workingDays: [8] }, /workingDays/],
    ["a holiday that is not a date", { holidays: ["Christmas"] }, /holidays/],
    ["an unknown field", { owner: "mallory" }, /owner|unrecognized/i],
    ["a horizon ending before it starts", { horizonStart: "2027-06-01", horizonEnd: "2027-05-31" }, /horizon/],
    ["a horizon end moved before the current start", { horizonEnd: "2026-12-31" }, /horizon/],
    ["a horizon start moved after the current end", { horizonStart: "2028-01-03" }, /horizon/],
  ])("refuses %s", (_what, patch, message) => {
    const { doc } = templateBoard();
    const result = expectNoChange(doc, () => updateBoard(doc, alice, patch as BoardPatch));
    expectError(result, message);
  });
});
