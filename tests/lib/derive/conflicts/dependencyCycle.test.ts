import { describe, expect, it } from "vitest";
import { addDependency } from "../../../../lib/model/dependencyCommands";
import type { ItemId } from "../../../../lib/model/ids";
import { readSnapshot } from "../../../../lib/model/snapshot";
import { alice, bob, syncDocs, unwrap } from "../../helpers/docs";
import { ConflictBoard, deriveAll, replicaOf } from "./helpers/conflictBoard";

describe("dependency-cycle: one error per cycle, scheduling ignores its links", () => {
  it("two people linking the same items in opposite directions at once close a cycle", () => {
    const b = new ConflictBoard(1);
    const research = b.item("Research", { start: "2027-02-01", duration: 3 });
    const prototype = b.item("Prototype", { duration: 4 });
    const other = replicaOf(b.doc, 2);
    const forward = unwrap(addDependency(b.doc, alice, { fromId: research, toId: prototype }));
    const backward = unwrap(addDependency(other, bob, { fromId: prototype, toId: research }));
    syncDocs(b.doc, other);

    const { conflicts, schedule } = deriveAll(readSnapshot(b.doc));
    const [first, second] = [forward, backward].sort();
    const cut = first === forward ? ["Research", "Prototype"] : ["Prototype", "Research"];
    expect(conflicts.filter((c) => c.kind === "dependency-cycle")).toEqual([
      {
        id: `dependency-cycle:${first}+${second}`,
        kind: "dependency-cycle",
        severity: "error",
        objectIds: [...[research, prototype].sort(), first, second],
        message:
          `These items wait on each other in a loop: “${cut[1]}” → “${cut[0]}” → “${cut[1]}”. Scheduling ignored these links. ` +
          `Remove one of these links, for example “${cut[0]}” → “${cut[1]}”.`,
        fix: { kind: "remove-dependency", dependencyId: first },
      },
    ]);
    // Scheduling completed: the pinned item is placed; the other has no usable link left.
    expect(schedule.items.map((i) => i.itemId)).toContain(research);
  });

  it("lists a three-item cycle in the order work flows, starting after the link it suggests cutting", () => {
    const b = new ConflictBoard();
    for (const t of ["Copy", "Layout", "Print"]) b.item(t, { start: "2027-02-01" });
    b.rawLink("Copy", "Layout", 0, "dlink2");
    b.rawLink("Layout", "Print", 0, "dlink3");
    b.rawLink("Print", "Copy", 0, "dlink1");
    const [cycle] = b.conflicts("dependency-cycle");
    expect(cycle?.id).toBe("dependency-cycle:dlink1+dlink2+dlink3");
    expect(cycle?.message).toContain("“Copy” → “Layout” → “Print” → “Copy”");
    expect(cycle?.message).toContain("for example “Print” → “Copy”");
    expect(cycle?.fix).toEqual({ kind: "remove-dependency", dependencyId: "dlink1" });
    expect(cycle?.objectIds.slice(0, 3).sort()).toEqual([b.id("Copy"), b.id("Layout"), b.id("Print")].sort());
  });

  it("an item that depends on itself is a cycle of one", () => {
    const b = new ConflictBoard();
    b.item("Loop", { start: "2027-02-01" });
    b.rawLink("Loop", "Loop", 0, "dself");
    const [cycle] = b.conflicts("dependency-cycle");
    expect(cycle).toMatchObject({ id: "dependency-cycle:dself", severity: "error", fix: { kind: "remove-dependency", dependencyId: "dself" } });
    expect(cycle?.message).toContain("“Loop” → “Loop”");
  });

  it("two separate cycles are two conflicts", () => {
    const b = new ConflictBoard();
    for (const t of ["A", "B", "C", "D"]) b.item(t, { start: "2027-02-01" });
    b.rawLink("A", "B", 0, "dab");
    b.rawLink("B", "A", 0, "dba");
    b.rawLink("C", "D", 0, "dcd");
    b.rawLink("D", "C", 0, "ddc");
    expect(b.conflicts("dependency-cycle").map((c) => c.id)).toEqual(["dependency-cycle:dab+dba", "dependency-cycle:dcd+ddc"]);
  });

  it("a long cycle keeps a short id that still names its links", () => {
    const b = new ConflictBoard();
    const titles = ["S1", "S2", "S3", "S4", "S5", "S6"];
    for (const t of titles) b.item(t, { start: "2027-02-01" });
    titles.forEach((t, i) => b.rawLink(t, titles[(i + 1) % titles.length]!, 0, `dl${i}`));
    const [cycle] = b.conflicts("dependency-cycle");
    expect(cycle?.id).toMatch(/^dependency-cycle:dl0\+dl1\+dl2\+dl3\+[0-9a-f]{8}$/);
    expect(cycle?.message).toContain("“S2” → “S3” → “S4” → “S5” → “S6” → “S1” → “S2”");
  });

  it("the suggested link really is in the cycle and removing it breaks the cycle", () => {
    const b = new ConflictBoard();
    const ids = ["P", "Q", "R"].map((t) => b.item(t, { start: "2027-02-01" }));
    b.link("P", "Q");
    b.link("Q", "R");
    b.rawLink("R", "P");
    const [cycle] = b.conflicts("dependency-cycle");
    const fix = cycle?.fix;
    expect(fix?.kind).toBe("remove-dependency");
    if (fix?.kind !== "remove-dependency") return;
    const dep = readSnapshot(b.doc).dependencies.find((d) => d.id === fix.dependencyId);
    expect(ids as string[]).toContain(dep?.fromId as ItemId);
    expect(ids as string[]).toContain(dep?.toId as ItemId);
  });
});
