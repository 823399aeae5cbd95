import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { parseBoardFile, writeBoardFile } from "../../../lib/io/boardFile";
import { readMspdiCalendar } from "../../../lib/io/mspdiCalendar";
import { mspdiToBoardFile, type SummaryAs } from "../../../lib/io/mspdiImport";
import { isoMinutes, lagDays } from "../../../lib/io/mspdiTime";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot } from "../../../lib/model/snapshot";

/**
 * Files written by MS Project, MPXJ and GanttProject (tests/fixtures/mspdi/README.md) import as
 * those tools show them. Expected values come from the files themselves and from MPXJ's own
 * tests of the same files.
 */
const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/mspdi", name), "utf8");

function importFile(name: string, summaryAs: SummaryAs = "phases", xml = fixture(name)) {
  const read = mspdiToBoardFile(xml, { summaryAs });
  if (!read.ok) throw new Error(read.errors.join("\n"));
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(read.result.file)));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const doc = new Y.Doc();
  writeBoardFile(doc, createOrigin("local", "test"), parsed.file, { mode: "new" });
  const snapshot = readSnapshot(doc);
  const derived = deriveBoard(snapshot, { today: snapshot.board.horizonStart });
  // The file's rows in order (the board file keeps them; the document sorts by id).
  const rows = read.result.file.items.map((i) => {
    const item = snapshot.items.find((x) => x.title === i.title && x.duration === i.duration && x.start === i.start && x.owners.join() === i.owners.join())!;
    return item;
  });
  const scheduled = (title: string, index = 0) => {
    const item = read.result.file.items.filter((i) => i.title === title)[index]!;
    const s = derived.schedule.items.find((x) => x.itemId === item.id)!;
    return { item, start: s.start, finish: s.finish };
  };
  const titleOf = (id: string) => snapshot.items.find((i) => i.id === id)?.title;
  return { read: read.result, file: read.result.file, snapshot, derived, rows, scheduled, titleOf, warnings: read.result.warnings };
}

describe("MSPDI written by MS Project", () => {
  it("task links (Project 2003): auto-scheduled successors placed by FS links with day and week lags; SS, FF, SF kept and reported", () => {
    const { file, derived, warnings } = importFile("mpxj-task-links-project2003-mspdi.xml");
    // Pairs of rows "Task 1" → "Task 2" (MPXJ's TaskLinksTest): FS 0 d, 1 d, 2 d, 1 w, 2 w, then SF, SS, FF.
    expect(file.items.map((i) => i.title)).toEqual(Array.from({ length: 8 }, () => ["Task 1", "Task 2"]).flat());
    const byId = new Map(file.items.map((i, n) => [i.id, n]));
    const links = file.dependencies.map((d) => [byId.get(d.fromId), byId.get(d.toId), d.lag]).sort((a, b) => a[0]! - b[0]!);
    expect(links).toEqual([
      [0, 1, 0],
      [2, 3, 1],
      [4, 5, 2],
      [6, 7, 5],
      [8, 9, 10],
    ]);
    // Task 1 is Friday 17 October 2014; each Task 2 starts where MS Project put it.
    const startOf = (row: number) => derived.schedule.items.find((s) => s.itemId === file.items[row]!.id)!.start;
    expect([1, 3, 5, 7, 9].map(startOf)).toEqual(["2014-10-20", "2014-10-21", "2014-10-22", "2014-10-27", "2014-11-03"]);
    expect(file.items[1]!.start).toBeNull(); // placed by its link, not pinned
    expect(file.items[0]!.start).toBe("2014-10-17"); // nothing before it: keeps its date
    expect(warnings.filter((w) => /start-to-finish|start-to-start|finish-to-finish/.test(w))).toHaveLength(3);
    expect(file.dependencies).toHaveLength(5);
  });

  it("task links (Project 2019): manually scheduled tasks stay where they were put, links and lags kept", () => {
    const { file } = importFile("mpxj-task-links-project2019-mspdi.xml");
    expect(file.items).toHaveLength(16);
    // Manual tasks are pinned to the file's dates even with a predecessor.
    expect(file.items.map((i) => i.start).slice(0, 10)).toEqual(["2018-10-18", "2018-10-19", "2018-10-18", "2018-10-22", "2018-10-18", "2018-10-23", "2018-10-18", "2018-10-26", "2018-10-18", "2018-11-02"]);
    expect(file.dependencies.map((d) => d.lag).sort((a, b) => a - b)).toEqual([0, 1, 2, 5, 10]);
  });

  it("durations in every unit, elapsed ones counted on the calendar", () => {
    const { file } = importFile("mpxj-mspdiduration.xml");
    const days = Object.fromEntries(file.items.map((i) => [i.title, i.duration]));
    // 1 minute, 1 hour, 1 day, 1 week, 1 month (20 days) of working time; then the elapsed
    // forms from Wednesday 25 March 2009: 1 em, 1 eh, 1 ed, 1 ew (Wed–Tue: 5 working days),
    // 1 emo (30 calendar days: 22 working days).
    expect(days).toEqual({ "Task 1": 1, "Task 2": 1, "Task 3": 1, "Task 4": 5, "Task 5": 20, "Task 6": 1, "Task 7": 1, "Task 8": 1, "Task 9": 5, "Task 10": 22 });
  });

  it("blank rows are skipped and summaries become phases", () => {
    const { file, snapshot } = importFile("mpxj-mspdinulltasks.xml");
    expect(snapshot.phases.map((p) => p.name)).toEqual(["Task 1", "Task 4"]);
    const phaseOf = (title: string) => snapshot.phases.find((p) => p.id === file.items.find((i) => i.title === title)!.phaseId)?.name;
    expect(file.items.map((i) => [i.title, phaseOf(i.title)])).toEqual([
      ["Task 2", "Task 1"],
      ["Task 3", "Task 1"],
      ["Task 5", "Task 4"],
    ]);
  });

  it("recurring calendar exceptions expand to the dates MS Project gives them", () => {
    const warnings: string[] = [];
    const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(fixture("mpxj-calendar-recurring-exceptions-project2016-mspdi.xml"));
    const { workingDays, holidays } = readMspdiCalendar(doc.Project, (m) => warnings.push(m));
    expect(workingDays).toEqual([1, 2, 3, 4, 5]);
    const iso = (dmy: string) => dmy.split("/").reverse().join("-");
    // From MPXJ's RecurringExceptionsTest (dd/mm/yyyy there).
    const expected = {
      "Daily 1": ["01/01/2000", "02/01/2000", "03/01/2000"],
      "Daily 2": ["01/02/2000", "04/02/2000", "07/02/2000", "10/02/2000"],
      "Weekly 2 Tuesday": ["02/01/2001", "16/01/2001", "30/01/2001", "13/02/2001"],
      "Weekly 7 Sunday": ["18/02/2001", "08/04/2001", "27/05/2001", "15/07/2001", "02/09/2001", "21/10/2001", "09/12/2001", "27/01/2002", "17/03/2002"],
      "Monthly Relative 6": ["05/01/2002", "03/08/2002", "01/03/2003", "04/10/2003", "01/05/2004", "04/12/2004", "02/07/2005", "04/02/2006"],
      "Monthly Relative 5": ["25/01/2002", "26/07/2002", "31/01/2003", "25/07/2003", "30/01/2004", "30/07/2004", "28/01/2005"],
      "Monthly Absolute 2": ["04/01/2003", "04/06/2003", "04/11/2003", "04/04/2004", "04/09/2004", "04/02/2005"],
      "Yearly Relative 1": ["02/03/2004", "01/03/2005", "07/03/2006", "06/03/2007"],
      "Yearly Absolute 3": ["03/04/2005", "03/04/2006", "03/04/2007", "03/04/2008", "03/04/2009"],
    };
    for (const [name, dates] of Object.entries(expected)) for (const d of dates) expect(holidays, name).toContain(iso(d));
    // Between the occurrences nothing is a holiday: Daily 2 is every third day, not the whole span.
    expect(holidays).not.toContain("2000-02-02");
    expect(holidays).not.toContain("2001-01-09"); // Weekly 2 Tuesday skips a week
    // "Recurring Working" makes Saturdays worked: reported, not turned into holidays.
    expect(holidays).not.toContain("2010-01-02");
    expect(warnings.join()).toMatch(/working days/);
  });
});

describe("MSPDI written by MPXJ", () => {
  it("summaries, IDs that are not UIDs, a lead, constraints, a milestone under a summary, resources", () => {
    const { file, snapshot, derived, titleOf, warnings } = importFile("mpxj-sample.xml");
    expect(snapshot.board.title).toBe("sample");
    expect(snapshot.phases.map((p) => p.name)).toEqual(["First Task", "Recurring Task", "Task Relationships"]);
    expect(file.items).toHaveLength(15);
    const item = (title: string) => file.items.find((i) => i.title === title)!;
    expect(item("Second Task").owners).toEqual(["First Resource", "Second Resource"]);
    expect(snapshot.milestones.map((m) => [m.title, m.date])).toEqual([["Third task", "2003-01-07"]]);
    // Links name tasks by UID (Related Task 2b is UID 12, ID 11): FS with a one-day lag, and a one-day lead.
    const links = snapshot.dependencies.map((d) => `${titleOf(d.fromId)} → ${titleOf(d.toId)} ${d.lag}`).sort();
    expect(links).toEqual(["Related Task 1a → Related Task 1b 0", "Related Task 2a → Related Task 2b 1", "Related Task 3a → Related Task 3b -1"]);
    const start = (title: string) => derived.schedule.items.find((s) => s.itemId === snapshot.items.find((i) => i.title === title)!.id)!.start;
    expect([start("Related Task 1b"), start("Related Task 2b"), start("Related Task 3b")]).toEqual(["2003-01-08", "2003-01-09", "2003-01-07"]);
    // A start-no-earlier-than constraint pins the task where MS Project scheduled it.
    expect(item("Recurring Task 2").start).toBe("2003-03-03");
    expect(item("Related Task 6a").start).toBe("2003-01-08");
    expect(warnings.filter((w) => /kept in its description/.test(w))).toHaveLength(3);
  });
});

describe("MSPDI written by GanttProject", () => {
  it("holidays written as Project 2003 weekday exceptions", () => {
    const { snapshot, derived } = importFile("ganttproject-holidays.xml");
    expect(snapshot.board.holidays).toEqual(["2010-09-16", "2010-09-23", "2010-09-24"]);
    expect(snapshot.board.workingDays).toEqual([1, 2, 3, 4, 5]);
    // task1: 4 days from Wednesday 15 September over the Thursday holiday ends on Tuesday 21 September, as in the file.
    expect(derived.schedule.items.map((s) => [s.start, s.finish])).toEqual([["2010-09-15", "2010-09-21"]]);
  });

  it("a 24-hour day (MinutesPerDay 1440): a one-day task stays one day", () => {
    const { file } = importFile("ganttproject-issue2659.xml");
    expect(file.items.map((i) => [i.title, i.duration, i.start])).toEqual([["task_0", 1, "2025-01-30"]]);
  });

  it("a calendar-only file is refused with a clear message; its working Saturday is reported", () => {
    const xml = fixture("ganttproject-issue1520.xml");
    expect(mspdiToBoardFile(xml, { summaryAs: "phases" })).toEqual({ ok: false, errors: ["The file holds no tasks."] });
    const warnings: string[] = [];
    const doc = new XMLParser({ ignoreAttributes: true, parseTagValue: false }).parse(xml);
    expect(readMspdiCalendar(doc.Project, (m) => warnings.push(m)).holidays).toEqual(["2018-04-30"]);
    expect(warnings).toEqual([expect.stringContaining("1 day off into a working day")]);
  });
});

describe("MSPDI variations", () => {
  it("a namespace prefix, missing optional elements and outline numbers instead of levels", () => {
    const xml = `<?xml version="1.0"?>
<msp:Project xmlns:msp="http://schemas.microsoft.com/project">
  <msp:Tasks>
    <msp:Task><msp:UID>1</msp:UID><msp:Name>Design</msp:Name><msp:OutlineNumber>1</msp:OutlineNumber></msp:Task>
    <msp:Task><msp:UID>2</msp:UID><msp:Name>Sketch</msp:Name><msp:OutlineNumber>1.1</msp:OutlineNumber><msp:Start>2027-03-01T08:00:00</msp:Start><msp:Finish>2027-03-03T17:00:00</msp:Finish></msp:Task>
    <msp:Task><msp:UID>3</msp:UID><msp:Name>Review</msp:Name><msp:OutlineNumber>1.2</msp:OutlineNumber><msp:Duration>PT16H0M0S</msp:Duration>
      <msp:PredecessorLink><msp:PredecessorUID>2</msp:PredecessorUID></msp:PredecessorLink></msp:Task>
    <msp:Task><msp:UID>4</msp:UID><msp:Name>Done</msp:Name><msp:OutlineNumber>2</msp:OutlineNumber><msp:Start>2027-03-08T17:00:00</msp:Start><msp:Duration>PT0H0M0S</msp:Duration></msp:Task>
  </msp:Tasks>
</msp:Project>`;
    const { file, snapshot, derived } = importFile("", "phases", xml);
    expect(snapshot.phases.map((p) => p.name)).toEqual(["Design"]); // a summary because the next row is deeper
    expect(file.items.map((i) => [i.title, i.duration])).toEqual([
      ["Sketch", 3], // no Duration: the working days from its start to its finish
      ["Review", 2],
    ]);
    expect(snapshot.milestones.map((m) => [m.title, m.date])).toEqual([["Done", "2027-03-08"]]); // zero length, no Milestone flag
    expect(snapshot.dependencies).toHaveLength(1); // a link without Type is finish-to-start
    expect(derived.schedule.items.map((s) => s.finish).sort()).toEqual(["2027-03-03", "2027-03-05"]);
  });

  it("links to and from summary tasks apply to the tasks in them", () => {
    const task = (uid: number, name: string, level: number, extra = "") =>
      `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>2027-03-01T08:00:00</Start><Duration>PT8H0M0S</Duration>${extra}</Task>`;
    const link = (from: number, lag = 0) => `<PredecessorLink><PredecessorUID>${from}</PredecessorUID><Type>1</Type><LinkLag>${lag}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`;
    const xml = `<Project xmlns="http://schemas.microsoft.com/project"><Tasks>
      ${task(1, "Build", 1, "<Summary>1</Summary>")}${task(2, "A", 2)}${task(3, "B", 2, link(2))}
      ${task(4, "Launch", 1, `<Summary>1</Summary>${link(1, 4800)}`)}${task(5, "C", 2)}${task(6, "D", 2)}
    </Tasks></Project>`;
    const { snapshot, titleOf } = importFile("", "lanes", xml);
    const links = snapshot.dependencies.map((d) => `${titleOf(d.fromId)} → ${titleOf(d.toId)} ${d.lag}`).sort();
    // Build's last task (B) before each of Launch's first tasks (C and D), with the summary link's lag.
    expect(links).toEqual(["A → B 0", "B → C 1", "B → D 1"]);
  });

  it("elapsed and percent lags, and durations with signs", () => {
    expect(isoMinutes("PT8H0M0S")).toBe(480);
    expect(isoMinutes("PT7H30M0S")).toBe(450);
    expect(isoMinutes("-PT8H0M0S")).toBe(-480);
    expect(isoMinutes("P1DT2H")).toBe(1560);
    expect(isoMinutes("8 hours")).toBeNull();
    expect(isoMinutes("PT")).toBeNull();
    // 2 days (LagFormat 7), 7 elapsed days (8: 5 working days on a five-day week), 50% of a 4-day predecessor (19).
    expect(lagDays(9600, 7, 480, 5, 4)).toBe(2);
    expect(lagDays(7 * 1440 * 10, 8, 480, 5, 4)).toBe(5);
    expect(lagDays(50, 19, 480, 5, 4)).toBe(2);
    expect(lagDays(-4800, 7, 480, 5, null)).toBe(-1);
  });

  it("inactive tasks are left out and reported", () => {
    const xml = `<Project><Tasks><Task><UID>1</UID><Name>Kept</Name><Start>2027-03-01T08:00:00</Start><Duration>PT8H0M0S</Duration></Task>
      <Task><UID>2</UID><Name>Dropped</Name><Active>0</Active><Start>2027-03-01T08:00:00</Start><Duration>PT8H0M0S</Duration></Task></Tasks></Project>`;
    const { file, warnings } = importFile("", "phases", xml);
    expect(file.items.map((i) => i.title)).toEqual(["Kept"]);
    expect(warnings).toContain("1 inactive task was left out.");
  });
});
