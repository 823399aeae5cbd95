import Papa from "papaparse";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { boardToCsv, CSV_COLUMNS } from "../../../lib/io/csvExport";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import type { ItemId } from "../../../lib/model/ids";
import { updateItem } from "../../../lib/model/itemCommands";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";

const origin = createOrigin("local", "test");
const today = date("2027-01-18");

function demoCsv(edit?: (doc: Y.Doc, first: ItemId) => void) {
  const doc = new Y.Doc();
  buildDemoBoard(doc, origin, date("2027-01-04"));
  const first = readSnapshot(doc).items[0]!.id as ItemId;
  edit?.(doc, first);
  const snapshot = readSnapshot(doc);
  const derived = deriveBoard(snapshot, { today });
  return { csv: boardToCsv(snapshot, derived), snapshot, derived };
}

describe("CSV export", () => {
  it("opens cleanly in a spreadsheet: BOM, CRLF, a header row, one row per item with the derived schedule", () => {
    const { csv, snapshot, derived } = demoCsv();
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n\n");
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(snapshot.items.length);
    for (const row of parsed.data) {
      const s = derived.schedule.items.find((i) => i.itemId === row.ID);
      if (!s) continue;
      expect([row["Scheduled start"], row["Scheduled finish"], row["Late finish"], row["Total slack (working days)"], row.Critical]).toEqual([
        s.start,
        s.finish,
        s.lateFinish,
        String(s.totalSlack),
        s.critical ? "yes" : "no",
      ]);
      expect(row["Scheduled start"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Every link, with its lag, on its successor's row.
    for (const dep of snapshot.dependencies) {
      const row = parsed.data.find((r) => r.ID === dep.toId)!;
      expect(row.Predecessors!.split("; ")).toContain(`${dep.fromId}${dep.lag === 0 ? "" : dep.lag > 0 ? `+${dep.lag}` : dep.lag}`);
    }
    expect(parsed.data.some((r) => r.Conflicts !== "")).toBe(derived.conflicts.some((c) => c.objectIds.some((id) => snapshot.items.some((i) => i.id === id))));
  });

  it("keeps quotes, commas, line breaks and non-Latin text intact, and a title starting with = stays text", () => {
    const title = '=HYPERLINK("http://evil") , "quoted"\nsecond line – Größe 計画';
    const { csv } = demoCsv((doc, first) => updateItem(doc, origin, first, { title }));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.Title)).toContain(`'${title}`);
  });
});
