import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { parseBoardFile, writeBoardFile } from "../../../lib/io/boardFile";
import { parseCsvDate, parseCsvDuration, localeDateOrder } from "../../../lib/io/csvDates";
import { boardToCsv } from "../../../lib/io/csvExport";
import { csvToBoardFile, guessMapping, readCsv } from "../../../lib/io/csvImport";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";

const origin = createOrigin("local", "test");
const today = date("2027-01-18");

function importCsv(text: string, dateOrder: "dmy" | "mdy" = "dmy") {
  const table = readCsv(text);
  if (!table.ok) throw new Error(table.error);
  const mapping = guessMapping(table.headers);
  const { file, errors, warnings } = csvToBoardFile(table.headers, table.rows, { mapping, dateOrder });
  return { file, errors, warnings, mapping, headers: table.headers };
}

function intoBoard(file: ReturnType<typeof importCsv>["file"]) {
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(file)));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const doc = new Y.Doc();
  writeBoardFile(doc, origin, parsed.file, { mode: "new" });
  return readSnapshot(doc);
}

describe("CSV import", () => {
  it("Waymark's own CSV export imports back with its items, lanes, phases, pinned dates, links and lags", () => {
    const doc = new Y.Doc();
    buildDemoBoard(doc, origin, date("2027-01-04"));
    const before = readSnapshot(doc);
    const csv = boardToCsv(before, deriveBoard(before, { today }));
    const { file, errors } = importCsv(csv);
    expect(errors).toEqual([]);
    const after = intoBoard(file);
    const key = (s: BoardSnapshot) =>
      s.items.map((i) => [i.title, s.lanes.find((l) => l.id === i.laneId)?.name ?? null, s.phases.find((p) => p.id === i.phaseId)?.name ?? null, i.start, i.duration, i.status, i.priority, i.owners, i.tags].join("|")).sort();
    expect(key(after)).toEqual(key(before));
    const titleOf = (s: BoardSnapshot, id: string) => s.items.find((i) => i.id === id)!.title;
    const links = (s: BoardSnapshot) => s.dependencies.map((d) => `${titleOf(s, d.fromId)} → ${titleOf(s, d.toId)} ${d.lag}`).sort();
    expect(links(after)).toEqual(links(before));
    // Same items, links, pins and calendar: the same schedule.
    const dates = (s: BoardSnapshot) => deriveBoard(s, { today }).schedule.items.map((x) => `${titleOf(s, x.itemId)} ${x.start} ${x.finish}`).sort();
    expect(dates(after)).toEqual(dates(before));
  });

  it("recognises a Jira export's headers and reads its dates", () => {
    const jira = [
      "Summary,Issue key,Issue Type,Status,Priority,Assignee,Labels,Sprint,Start date,Due date,Components",
      'Checkout redesign,SHOP-1,Story,In Progress,High,Ana Lima,"ux,web",Sprint 4,05/Jan/27 9:00 AM,15/Jan/27 5:00 PM,Web',
      "Payments API,SHOP-2,Story,To Do,Highest,Ben Ode,api,Sprint 4,18/Jan/27,29/Jan/27,Backend",
    ].join("\n");
    const { file, errors, mapping, headers } = importCsv(jira);
    expect(errors).toEqual([]);
    expect(Object.fromEntries(headers.map((h, i) => [h, mapping[i]]))).toMatchObject({
      Summary: "title",
      "Issue key": "id",
      Status: "status",
      Priority: "priority",
      Assignee: "owners",
      Labels: "tags",
      Sprint: "phase",
      "Start date": "start",
      "Due date": "finish",
      Components: "lane",
    });
    const snap = intoBoard(file);
    const checkout = snap.items.find((i) => i.title === "Checkout redesign")!;
    expect([checkout.start, checkout.duration, checkout.status, checkout.priority, checkout.owners, checkout.tags]).toEqual(["2027-01-05", 9, "in_progress", "should", ["Ana Lima"], ["ux", "web"]]);
    expect(snap.items.find((i) => i.title === "Payments API")!.priority).toBe("must");
    expect(snap.lanes.map((l) => l.name)).toEqual(["Web", "Backend"]);
  });

  it("reads a full Jira Cloud export: repeated Labels columns, Component/s as lanes, the Start date custom field, Blocks links by Issue id", () => {
    // Jira's export header as it writes it (one column per label, sprint and link; links name issues by Issue id).
    const header =
      "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Project type,Project lead,Project description,Project url,Priority,Resolution,Assignee,Reporter,Creator,Created,Updated,Last Viewed,Resolved,Component/s,Due Date,Votes,Labels,Labels,Description,Environment,Original Estimate,Remaining Estimate,Time Spent,Work Ratio,Sprint,Inward issue link (Blocks),Custom field (Start date),Custom field (Story Points)";
    const row = (summary: string, key: string, id: string, component: string, due: string, labels: [string, string], blockedBy: string, start: string, points: string) =>
      [summary, key, id, "Story", "To Do", "SHOP", "Shop", "software", "Ana Lima", "", "", "High", "", "Ben Ode", "Ana Lima", "Ana Lima", "04/Jan/27 9:00 AM", "04/Jan/27 9:00 AM", "", "", component, due, "0", ...labels, "", "", "28800", "28800", "", "0%", "Sprint 4", blockedBy, start, points].join(",");
    const csv = [header, row("Payments API", "SHOP-1", "10001", "Backend", "15/Jan/27", ["api", "payments"], "", "05/Jan/27", "5"), row("Checkout page", "SHOP-2", "10002", "Web", "29/Jan/27", ["web", ""], "10001", "", "3")].join("\n");
    const { file, errors, mapping, headers } = importCsv(csv);
    expect(errors).toEqual([]);
    const named = headers.map((h, i) => [h, mapping[i]]).filter(([, f]) => f);
    expect(named).toEqual([
      ["Summary", "title"],
      ["Issue key", "id"],
      ["Issue Type", "milestone"],
      ["Status", "status"],
      ["Priority", "priority"],
      ["Assignee", "owners"],
      ["Component/s", "lane"],
      ["Due Date", "finish"],
      ["Labels", "tags"],
      ["Labels", "tags"],
      ["Description", "description"],
      ["Sprint", "phase"],
      ["Inward issue link (Blocks)", "predecessors"],
      ["Custom field (Start date)", "start"],
      ["Custom field (Story Points)", "effort"],
    ]);
    const snap = intoBoard(file);
    const api = snap.items.find((i) => i.title === "Payments API")!;
    const checkout = snap.items.find((i) => i.title === "Checkout page")!;
    expect([api.start, api.duration, api.tags, api.effort]).toEqual(["2027-01-05", 9, ["api", "payments"], 5]);
    expect(snap.lanes.map((l) => l.name)).toEqual(["Backend", "Web"]);
    expect(snap.dependencies.map((d) => [d.fromId, d.toId])).toEqual([[api.id, checkout.id]]);
  });

  it("recognises Linear, Asana and Azure DevOps headers", () => {
    const named = (headers: string) => {
      const h = headers.split(",");
      return Object.fromEntries(h.map((x, i) => [x, guessMapping(h)[i]]));
    };
    expect(named("ID,Title,Status,Priority,Assignee,Labels,Cycle,Due Date,Estimate,Project")).toMatchObject({ ID: "id", Title: "title", Cycle: "phase", "Due Date": "finish", Estimate: "effort", Project: "lane", Assignee: "owners" });
    expect(named("Task ID,Name,Section/Column,Assignee,Start Date,Due Date,Tags,Notes,Blocked By (Dependencies)")).toMatchObject({ "Task ID": "id", Name: "title", "Section/Column": "lane", Notes: "description", "Blocked By (Dependencies)": "predecessors" });
    expect(named("ID,Work Item Type,Title,State,Assigned To,Area Path,Iteration Path,Start Date,Target Date,Tags")).toMatchObject({ "Work Item Type": "milestone", State: "status", "Assigned To": "owners", "Area Path": "lane", "Iteration Path": "phase", "Target Date": "finish" });
  });

  it("says what is wrong with each row, by its spreadsheet row number", () => {
    const csv = ["Title,Start,Duration,ID,Predecessors", "Discovery,2027-01-04,5,A,", "Design,31/02/2027,3,B,A", "Build,2027-01-20,lots,C,Z+2", ",2027-01-20,2,D,"].join("\n");
    const { errors } = importCsv(csv);
    expect(errors).toEqual([
      { row: 3, message: "Start 31/02/2027 is not a date" },
      { row: 4, message: "Duration lots is not a number of days or weeks" },
      { row: 5, message: "Title is empty" },
      { row: 4, message: "Predecessor Z is not the ID of any row" },
    ]);
  });

  it("milestone rows become milestones; predecessors with lags become links", () => {
    const csv = ["Title,Start,Finish,Milestone,ID,Predecessors", "Build,2027-01-04,2027-01-15,,1,", "Test,,,no,2,1+2", "Go-live,,2027-02-01,yes,3,"].join("\n");
    const { file, errors } = importCsv(csv);
    expect(errors).toEqual([]);
    const snap = intoBoard(file);
    expect(snap.milestones.map((m) => [m.title, m.date, m.kind])).toEqual([["Go-live", "2027-02-01", "go_live"]]);
    expect(snap.items.map((i) => [i.title, i.start, i.duration])).toEqual(expect.arrayContaining([["Build", "2027-01-04", 10], ["Test", null, 1]]));
    expect(snap.dependencies.map((d) => d.lag)).toEqual([2]);
  });

  it("an ID that ends in FS, SS, FF or SF is read as that ID, with or without a lag", () => {
    const csv = ["Title,Start,Duration,ID,Predecessors", "Build,2027-01-04,5,a1ff,", "Test,,2,b2ss,a1ff+2", "Ship,,1,c3,b2ss"].join("\n");
    const { file, errors } = importCsv(csv);
    expect(errors).toEqual([]);
    expect(intoBoard(file).dependencies.map((d) => d.lag).sort()).toEqual([0, 2]);
  });

  it("refuses files that are not UTF-8 text, have broken quotes, or nothing in them", () => {
    expect(readCsv("Title\nCaf\uFFFD")).toMatchObject({ ok: false, error: expect.stringContaining("not UTF-8") });
    expect(readCsv('Title,Start\n"Unclosed,2027-01-04\nNext,2027-01-05')).toMatchObject({ ok: false, error: expect.stringContaining("never closed") });
    expect(readCsv("")).toMatchObject({ ok: false });
    expect(readCsv("Title,Start\n")).toMatchObject({ ok: false, error: expect.stringContaining("no rows") });
  });

  it("a cycle in the predecessors is refused when the file is checked, naming the items", () => {
    const { file, errors } = importCsv(["ID,Title,Predecessors", "1,Alpha,2", "2,Beta,1"].join("\n"));
    expect(errors).toEqual([]);
    const parsed = parseBoardFile(JSON.parse(JSON.stringify(file)));
    expect(parsed).toMatchObject({ ok: false, errors: [expect.stringMatching(/circle: "(Alpha|Beta)" → "(Alpha|Beta)" → "(Alpha|Beta)"/)] });
  });
});

describe("CSV dates and durations", () => {
  it("reads ISO, numeric in either order, month names; never rolls an impossible date over", () => {
    expect(parseCsvDate("2027-01-18", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("2027-01-18T09:30:00Z", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("18/01/2027", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("01/18/2027", "mdy")).toBe("2027-01-18");
    expect(parseCsvDate("18.01.27", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("18 Jan 2027", "mdy")).toBe("2027-01-18");
    expect(parseCsvDate("January 18, 2027", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("18/Jan/27 9:00 AM", "dmy")).toBe("2027-01-18");
    expect(parseCsvDate("31/02/2027", "dmy")).toBeNull();
    expect(parseCsvDate("99999-01-01", "dmy")).toBeNull();
    expect(parseCsvDate("next week", "dmy")).toBeNull();
    expect(localeDateOrder("en-US")).toBe("mdy");
    expect(localeDateOrder("en-GB")).toBe("dmy");
    expect(localeDateOrder("de-DE")).toBe("dmy");
  });

  it("reads durations in days or weeks", () => {
    expect([parseCsvDuration("5", 5), parseCsvDuration("5d", 5), parseCsvDuration("3 wd", 5), parseCsvDuration("2w", 5), parseCsvDuration("2 weeks", 4), parseCsvDuration("1,5 days", 5)]).toEqual([5, 5, 3, 10, 8, 2]);
    expect([parseCsvDuration("0", 5), parseCsvDuration("-2", 5), parseCsvDuration("soon", 5)]).toEqual([null, null, null]);
  });
});
