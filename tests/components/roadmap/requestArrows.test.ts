import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Dependency } from "../../../lib/model/schemas";
import type { DependencyRequestFacts } from "../../../lib/protocol/dependencyRequests";
import { DependencyArrows } from "../../../components/roadmap/timeline/DependencyArrows";
import type { BarBox } from "../../../components/roadmap/timeline/geometry";

/** Dependency requests drawn by state on the timeline (docs/teams.md): the arrows' groups, counted. */
const box = (itemId: string, left: number, top: number): BarBox => ({ itemId, bandId: "b", left, top, width: 60, labelOutside: false });
const bars = new Map<string, BarBox>([
  ["i-api", box("i-api", 0, 40)],
  ["i-checkout", box("i-checkout", 200, 0)],
  ["i-ledger", box("i-ledger", 0, 80)],
  ["i-receipts", box("i-receipts", 300, 120)],
]);
const request = (id: string, from: string, to: string, state: DependencyRequestFacts["state"], dependencyId: string | null = null): DependencyRequestFacts => ({
  id,
  fromItemId: from,
  toItemId: to,
  neededBy: "2027-03-05",
  state,
  committedFinish: state === "committed" ? "2027-03-01" : null,
  counterDate: state === "countered" ? "2027-03-08" : null,
  dependencyId,
});

function draw(requests: DependencyRequestFacts[], dependencies: Dependency[] = []) {
  const html = renderToStaticMarkup(
    createElement(DependencyArrows, { width: 400, height: 200, bars, dependencies, brokenLinks: new Set<string>(), criticalLinks: new Set<string>(), criticalView: false, selectedId: null, requests }),
  );
  const count = (kind: string) => Number(new RegExp(`data-kind="${kind}" data-count="(\\d+)"`).exec(html)?.[1] ?? 0);
  return { html, requested: count("requested"), declined: count("declined"), committed: count("committed"), normal: count("normal") };
}

describe("request arrows", () => {
  it("open requests (requested or countered) are dashed arrows, declined ones struck, committed ones a mark on their link", () => {
    const link = { id: "d-1", fromId: "i-ledger", toId: "i-receipts", lag: 0 } as Dependency;
    const drawn = draw(
      [request("dr-1", "i-api", "i-checkout", "requested"), request("dr-2", "i-ledger", "i-checkout", "countered"), request("dr-3", "i-api", "i-receipts", "declined"), request("dr-4", "i-ledger", "i-receipts", "committed", "d-1")],
      [link],
    );
    expect(drawn).toMatchObject({ requested: 2, declined: 1, committed: 1, normal: 1 });
    expect(drawn.html).toContain('stroke-dasharray="4 3"');
  });

  it("withdrawn requests, committed ones whose link is gone, and requests with an item off screen draw nothing", () => {
    const drawn = draw([request("dr-1", "i-api", "i-checkout", "withdrawn"), request("dr-2", "i-api", "i-checkout", "committed", "d-gone"), request("dr-3", "i-nowhere", "i-checkout", "requested")]);
    expect(drawn).toMatchObject({ requested: 0, declined: 0, committed: 0 });
    expect(draw([]).html).not.toContain("data-kind");
  });
});
