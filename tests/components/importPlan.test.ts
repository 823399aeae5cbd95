import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot } from "../../lib/model/snapshot";
import { IMPORT_MAX_BYTES } from "../../lib/protocol/importExport";
import { importQuerySchema } from "../../lib/protocol/importExport";
import { errorLine, formatFromName, importUrl, previewImport, readColumns, sizeRefusal } from "../../components/io/importPlan";
import { importedMessage } from "../../components/io/importedNotice";

const CSV = ["Title,Team,Start,Days,Due", "Discovery,Research,2027-03-01,5,2027-03-05", "Signage,Design,2027-03-08,3,Q3"].join("\n");

describe("the import dialog's plan", () => {
  it("reads the format from the file's extension", () => {
    expect(formatFromName("plan.CSV")).toBe("csv");
    expect(formatFromName("board.waymark.json")).toBe("json");
    expect(formatFromName("project.xml")).toBe("mspdi");
    expect(formatFromName("project.mspdi")).toBe("mspdi");
    expect(formatFromName("notes.docx")).toBeNull();
    expect(formatFromName("no-extension")).toBeNull();
  });

  it("refuses a file over the server's limit before reading it, with the sizes in words", () => {
    expect(sizeRefusal(IMPORT_MAX_BYTES)).toBeNull();
    expect(sizeRefusal(IMPORT_MAX_BYTES + 1)).toMatch(/up to 20 MB/);
    expect(sizeRefusal(0)).toBe("The file is empty.");
  });

  it("sends the choices the preview used, in the form the server's schema reads", () => {
    const url = new URL(importUrl({ format: "csv", mapping: ["title", "lane", "start", "duration", null], dateOrder: "mdy" }, "board_1", true), "http://x");
    const query = importQuerySchema.parse(Object.fromEntries(url.searchParams));
    expect(query).toEqual({ format: "csv", into: "board_1", dryRun: true, mapping: ["title", "lane", "start", "duration", null], dateOrder: "mdy" });
    const mspdi = new URL(importUrl({ format: "mspdi", summaries: "lanes", mapping: ["title"] }, null), "http://x");
    expect(Object.fromEntries(mspdi.searchParams)).toEqual({ format: "mspdi", summaries: "lanes" });
  });

  it("shows each column's header, first values and guessed field", () => {
    const read = readColumns(CSV);
    if (!read.ok) throw new Error(read.error);
    expect(read.columns.headers).toEqual(["Title", "Team", "Start", "Days", "Due"]);
    expect(read.columns.samples[1]).toEqual(["Research", "Design"]);
    expect(read.columns.guessed).toEqual(["title", "lane", "start", "duration", "finish"]);
    expect(read.columns.rowCount).toBe(2);
  });

  it("previews with each row's error in words, and draws nothing while there is one", async () => {
    const stages: string[] = [];
    const preview = await previewImport(CSV, { format: "csv", dateOrder: "dmy" }, { progress: (_, stage) => stages.push(stage) });
    expect(preview.errors.map(errorLine)).toEqual(["Row 3: Finish Q3 is not a date"]);
    expect(preview.snapshot).toBeNull();
    expect(stages.length).toBeGreaterThan(1);
  });

  it("previews the board the import will make once the mapping is fixed", async () => {
    const preview = await previewImport(CSV, { format: "csv", mapping: ["title", "lane", "start", "duration", null], dateOrder: "dmy" }, {});
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ items: 2, lanes: 2 });
    expect(preview.snapshot!.items.map((i) => i.title).sort()).toEqual(["Discovery", "Signage"]);
    expect(preview.snapshot!.lanes.map((l) => l.name).sort()).toEqual(["Design", "Research"]);
  });

  it("previews an import into a board as that board with the file added, leaving the board itself untouched", async () => {
    const live = new Y.Doc();
    createItem(live, createOrigin("local", "u"), { title: "Already here", laneId: null, start: null, duration: 2, status: "planned" });
    const preview = await previewImport(CSV, { format: "csv", mapping: ["title", "lane", "start", "duration", null], dateOrder: "dmy" }, { current: live });
    expect(preview.snapshot!.items.map((i) => i.title).sort()).toEqual(["Already here", "Discovery", "Signage"]);
    expect(readSnapshot(live).items.map((i) => i.title)).toEqual(["Already here"]);
  });

  it("refuses a file that is not what its format says", async () => {
    expect((await previewImport("{not json", { format: "json" }, {})).errors[0]!.message).toMatch(/not JSON/);
    expect((await previewImport('{"format":"other"}', { format: "json" }, {})).errors.length).toBeGreaterThan(0);
    expect((await previewImport('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Project/>', { format: "mspdi" }, {})).errors.length).toBeGreaterThan(0);
  });

  it("says what came in, in words", () => {
    expect(importedMessage({ items: 1, lanes: 0, phases: 0, milestones: 0, dependencies: 0 })).toBe("Imported 1 item.");
    expect(importedMessage({ items: 12, lanes: 3, phases: 0, milestones: 1, dependencies: 4 })).toBe("Imported 12 items, 3 lanes, 1 milestone and 4 links.");
  });
});
