import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { deriveBoard } from "../../../lib/derive/deriveBoard";
import { parseBoardFile, writeBoardFile } from "../../../lib/io/boardFile";
import { boardToMspdi } from "../../../lib/io/mspdiExport";
import { mspdiToBoardFile } from "../../../lib/io/mspdiImport";
import { date } from "../../../lib/model/dates";
import { buildDemoBoard } from "../../../lib/model/demoBoard";
import { createOrigin } from "../../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../../lib/model/snapshot";

const origin = createOrigin("local", "test");
const today = date("2027-01-18");

/** Import a file all the way into a fresh board, as the server will. */
function importXml(xml: string, summaryAs: "phases" | "lanes" = "phases") {
  const read = mspdiToBoardFile(xml, { summaryAs });
  if (!read.ok) throw new Error(read.errors.join("\n"));
  const parsed = parseBoardFile(JSON.parse(JSON.stringify(read.result.file)));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const doc = new Y.Doc();
  writeBoardFile(doc, origin, parsed.file, { mode: "new" });
  const snapshot = readSnapshot(doc);
  return { snapshot, derived: deriveBoard(snapshot, { today }), warnings: read.result.warnings, doc };
}

const task = (uid: number, name: string, days: number, extra = "", preds: [number, number?, number?][] = []) => `
    <Task><UID>${uid}</UID><ID>${uid}</ID><Name>${name}</Name><OutlineLevel>2</OutlineLevel><Start>2027-03-01T08:00:00</Start>
      <Duration>PT${days * 8}H0M0S</Duration><DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary>${extra}
      ${preds.map(([from, lagDays = 0, type = 1]) => `<PredecessorLink><PredecessorUID>${from}</PredecessorUID><Type>${type}</Type><LinkLag>${lagDays * 4800}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`).join("")}
    </Task>`;

/**
 * The textbook network (activities A–F, durations 3, 4, 2, 5, 3, 2): A → B → D → F and
 * A → C → E → F; the critical path is A, B, D, F (14 working days), C and E have 4 days of
 * slack. Written by hand as MS Project writes it, with a summary task, a finish milestone,
 * a start-to-start link, a resource and a holiday.
 */
const TEXTBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion><Title>Textbook network &amp; friends</Title><ScheduleFromStart>1</ScheduleFromStart>
  <StartDate>2027-03-01T08:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>480</MinutesPerDay>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>
    <WeekDays>
      <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
      <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
      <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
      <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking></WeekDay><WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
    </WeekDays>
    <Exceptions><Exception><TimePeriod><FromDate>2027-03-05T00:00:00</FromDate><ToDate>2027-03-05T23:59:00</ToDate></TimePeriod><Name>Founders' day</Name><DayWorking>0</DayWorking></Exception></Exceptions>
  </Calendar></Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Textbook</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>10</UID><ID>1</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
    ${task(1, "A", 3, "<PercentComplete>100</PercentComplete>")}
    ${task(2, "B", 4, "", [[1]])}
    ${task(3, "C", 2, "", [[1]])}
    ${task(4, "D", 5, "", [[2]])}
    ${task(5, "E", 3, "", [[3]])}
    ${task(6, "F", 2, "<Notes>Hand over to operations</Notes>", [[4], [5]])}
    ${task(7, "Docs", 2, "", [[2, 0, 3]])}
    <Task><UID>8</UID><ID>8</ID><Name>Go-live</Name><OutlineLevel>1</OutlineLevel><Start>2027-03-19T17:00:00</Start><Duration>PT0H0M0S</Duration><Milestone>1</Milestone><Summary>0</Summary>
      <PredecessorLink><PredecessorUID>6</PredecessorUID><Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
    ${task(9, "Train staff", 1, "", [[8, 1]]).replace("<OutlineLevel>2</OutlineLevel>", "<OutlineLevel>1</OutlineLevel>")}
  </Tasks>
  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Ana</Name></Resource></Resources>
  <Assignments><Assignment><UID>1</UID><TaskUID>4</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>
</Project>`;

const byTitle = (snapshot: BoardSnapshot, title: string) => snapshot.items.find((i) => i.title === title)!;

describe("MS Project XML import", () => {
  it("imports a textbook network with the published critical path and slack", () => {
    const { snapshot, derived, warnings } = importXml(TEXTBOOK);
    expect(snapshot.board.title).toBe("Textbook network & friends");
    expect(snapshot.board.workingDays).toEqual([1, 2, 3, 4, 5]);
    expect(snapshot.board.holidays).toEqual(["2027-03-05"]);
    expect(snapshot.phases.map((p) => p.name)).toEqual(["Build"]);
    const critical = derived.schedule.items.filter((s) => s.critical).map((s) => snapshot.items.find((i) => i.id === s.itemId)!.title);
    expect(critical.sort()).toEqual(["A", "B", "D", "F", "Train staff"]);
    const slack = (title: string) => derived.schedule.items.find((s) => s.itemId === byTitle(snapshot, title).id)!.totalSlack;
    expect([slack("C"), slack("E")]).toEqual([4, 4]);
    // 3 + 4 + 5 + 2 = 14 working days from Mon 1 March, over the Friday 5 March holiday: F ends Fri 19 March.
    expect(derived.schedule.items.find((s) => s.itemId === byTitle(snapshot, "F").id)!.finish).toBe("2027-03-19");
    // Through the milestone: F → Go-live → Train staff (lag 1) became F → Train staff with lag 1.
    const train = byTitle(snapshot, "Train staff");
    expect(snapshot.dependencies.filter((d) => d.toId === train.id).map((d) => [byTitleId(snapshot, d.fromId), d.lag])).toEqual([["F", 1]]);
    expect(snapshot.milestones.map((m) => [m.title, m.date, m.kind])).toEqual([["Go-live", "2027-03-19", "go_live"]]);
    expect(byTitle(snapshot, "A").status).toBe("done");
    expect(byTitle(snapshot, "D").owners).toEqual(["Ana"]);
    expect(byTitle(snapshot, "A").start).toBe("2027-03-01");
    expect(byTitle(snapshot, "B").start).toBeNull();
    // The start-to-start link is kept and reported, not turned into something else.
    expect(snapshot.dependencies.some((d) => d.toId === byTitle(snapshot, "Docs").id)).toBe(false);
    expect(warnings.join()).toContain("start-to-start link from \"B\"");
  });

  it("summary tasks can become lanes instead", () => {
    const { snapshot } = importXml(TEXTBOOK, "lanes");
    expect(snapshot.phases).toEqual([]);
    expect(snapshot.lanes.map((l) => l.name)).toEqual(["Build", "Imported"]);
    expect(snapshot.lanes.find((l) => l.id === byTitle(snapshot, "B").laneId)!.name).toBe("Build");
  });

  it("refuses a DOCTYPE (entity expansion never runs), junk and files that are not MS Project", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project><Tasks><Task><Name>&lol2;</Name></Task></Tasks></Project>`;
    expect(mspdiToBoardFile(bomb, { summaryAs: "phases" })).toMatchObject({ ok: false, errors: [expect.stringContaining("DOCTYPE")] });
    expect(mspdiToBoardFile("<Project><Tasks><Task>", { summaryAs: "phases" })).toMatchObject({ ok: false });
    expect(mspdiToBoardFile("<html><body>hello</body></html>", { summaryAs: "phases" })).toMatchObject({ ok: false, errors: [expect.stringContaining("no <Project>")] });
    expect(mspdiToBoardFile("<Project><Tasks/></Project>", { summaryAs: "phases" })).toMatchObject({ ok: false, errors: [expect.stringContaining("no tasks")] });
  });
});

function byTitleId(snapshot: BoardSnapshot, id: string) {
  return snapshot.items.find((i) => i.id === id)!.title;
}

describe("MS Project XML export", () => {
  it("exports the demo board and imports it back with its items, dates, links and lags", () => {
    const source = new Y.Doc();
    buildDemoBoard(source, origin, date("2027-01-04"));
    const before = readSnapshot(source);
    const derivedBefore = deriveBoard(before, { today });
    const xml = boardToMspdi(before, derivedBefore);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    const { snapshot: after, derived } = importXml(xml);
    expect(after.items.map((i) => i.title).sort()).toEqual(before.items.map((i) => i.title).sort());
    const titleOf = (s: BoardSnapshot, id: string) => s.items.find((i) => i.id === id)!.title;
    const links = (s: BoardSnapshot) => s.dependencies.map((d) => `${titleOf(s, d.fromId)} → ${titleOf(s, d.toId)} ${d.lag}`).sort();
    expect(links(after)).toEqual(links(before));
    const dates = (s: BoardSnapshot, d: typeof derived) => d.schedule.items.map((x) => `${titleOf(s, x.itemId)} ${x.start} ${x.finish}`).sort();
    expect(dates(after, derived)).toEqual(dates(before, derivedBefore));
    expect(after.milestones.map((m) => `${m.title} ${m.date}`).sort()).toEqual(before.milestones.map((m) => `${m.title} ${m.date}`).sort());
    expect(after.board.holidays).toEqual(before.board.holidays);
  });
});

describe("MS Project XML export follows the MSPDI schema's element order", () => {
  // The xsd:sequence of Project, Calendar, Exception, Task, PredecessorLink, Resource and
  // Assignment in Microsoft's mspdi_pj12.xsd (only the elements Waymark writes, in order).
  const ORDER: Record<string, string[]> = {
    Project: ["SaveVersion", "Name", "Title", "ScheduleFromStart", "StartDate", "FinishDate", "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth", "Calendars", "Tasks", "Resources", "Assignments"],
    Calendar: ["UID", "Name", "IsBaseCalendar", "BaseCalendarUID", "WeekDays", "Exceptions"],
    WeekDay: ["DayType", "DayWorking", "WorkingTimes"],
    Exception: ["EnteredByOccurrences", "TimePeriod", "Occurrences", "Name", "Type", "DayWorking"],
    Task: ["UID", "ID", "Name", "Type", "IsNull", "WBS", "OutlineNumber", "OutlineLevel", "Priority", "Start", "Finish", "Duration", "DurationFormat", "Milestone", "Summary", "Critical", "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "TotalSlack", "PercentComplete", "ConstraintType", "ConstraintDate", "PredecessorLink"],
    PredecessorLink: ["PredecessorUID", "Type", "CrossProject", "LinkLag", "LagFormat"],
    Resource: ["UID", "ID", "Name", "Type", "IsNull"],
    Assignment: ["UID", "TaskUID", "ResourceUID", "Units"],
  };
  it("writes every element the schema orders in that order", async () => {
    const { XMLParser } = await import("fast-xml-parser");
    const source = new Y.Doc();
    buildDemoBoard(source, origin, date("2027-01-04"));
    const demo = readSnapshot(source);
    const snapshot = { ...demo, board: { ...demo.board, holidays: [date("2027-02-15")] } };
    const xml = boardToMspdi(snapshot, deriveBoard(snapshot, { today }));
    const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: true }).parse(xml) as Record<string, unknown>[];
    const seen = new Set<string>();
    const walk = (nodes: Record<string, unknown>[]) => {
      for (const node of nodes) {
        const [name] = Object.keys(node).filter((k) => k !== ":@");
        if (!name || name === "#text") continue;
        const children = node[name] as Record<string, unknown>[];
        const order = ORDER[name];
        if (order) {
          seen.add(name);
          const names = children.map((c) => Object.keys(c).find((k) => k !== ":@")!).filter((n) => n !== "#text");
          const unknown = names.filter((n) => !order.includes(n));
          expect(unknown, `${name} writes elements the test does not order`).toEqual([]);
          const positions = names.map((n) => order.indexOf(n));
          expect(positions, `${name}: ${names.join(", ")}`).toEqual([...positions].sort((a, b) => a - b));
        }
        walk(children);
      }
    };
    walk(tree);
    expect([...seen].sort()).toEqual(Object.keys(ORDER).sort());
  });
});
