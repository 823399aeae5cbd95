import type * as Y from "yjs";
import { addCalendarDays, type DateString } from "./dates";
import { addDependency } from "./dependencyCommands";
import type { ItemId } from "./ids";
import { createItem, type NewItem } from "./itemCommands";
import { addMilestone } from "./milestoneCommands";
import type { CommandOrigin } from "./origin";
import { updatePhase } from "./phaseCommands";
import { assert } from "./result";
import { initBoardFromTemplate, type TEMPLATE_LANES, type TEMPLATE_PHASES } from "./template";
import { transact } from "./transact";

type LaneName = (typeof TEMPLATE_LANES)[number]["name"];
type PhaseName = (typeof TEMPLATE_PHASES)[number];

/**
 * [key, title, lane, phase, pin, duration, owners]. The pin is the start in calendar days from
 * the Monday given, or null: such an item is scheduled after its dependencies, so moving its
 * predecessor moves it too (docs/scheduling.md). Only what a team places on purpose is pinned:
 * the first item of each chain, the campaign timed to the pilot, and the work that waits on no
 * other item.
 */
const DEMO_ITEMS: [string, string, LaneName, PhaseName, number | null, number, string[]][] = [
  ["research", "User research & service blueprint", "Service design", "MVP", 0, 10, ["Ana"]],
  ["mvpScope", "Define MVP feature set", "Service design", "MVP", null, 5, ["Ana", "Ben"]],
  ["booking", "Online booking (core)", "Development", "MVP", null, 20, ["Chen"]],
  ["payments", "Payments integration", "Development", "MVP", 28, 15, ["Dev"]],
  ["mvpTests", "MVP test plan & QA", "Testing", "MVP", null, 10, ["Eli"]],
  ["pilotComms", "Pilot invitation campaign", "Communication", "Pilot", 56, 5, ["Fay"]],
  ["pilotRun", "Pilot with two branches", "Operations", "Pilot", null, 15, ["Gus"]],
  ["feedback", "Pilot feedback synthesis", "Service design", "Pilot", null, 5, ["Ana"]],
  ["betaFeatures", "Notifications & reminders", "Development", "Beta", null, 15, ["Chen", "Dev"]],
  ["betaTests", "Beta usability testing", "Testing", "Beta", null, 10, ["Eli"]],
  ["pricing", "Pricing & packaging", "Go-to-market", "Beta", 105, 10, ["Hal"]],
  ["launchPlan", "Launch communication plan", "Communication", "Roll-out", null, 10, ["Fay"]],
  ["sales", "Partner & channel enablement", "Go-to-market", "Roll-out", 140, 15, ["Hal"]],
  ["support", "Support desk & runbooks", "Operations", "Roll-out", 140, 10, ["Gus"]],
  ["analytics", "Self-service analytics", "Development", "Enhancements", 175, 20, ["Dev"]],
];

/** [predecessor, successor, lag in working days]: the pilot starts a week after QA, on "Pilot start". */
const DEMO_LINKS: [string, string, number][] = [
  ["research", "mvpScope", 0],
  ["mvpScope", "booking", 0],
  ["booking", "mvpTests", 0],
  ["payments", "mvpTests", 0],
  ["mvpTests", "pilotRun", 5],
  ["pilotComms", "pilotRun", 0],
  ["pilotRun", "feedback", 0],
  ["feedback", "betaFeatures", 0],
  ["betaFeatures", "betaTests", 0],
  ["betaTests", "launchPlan", 0],
];

/**
 * A realistic demo board on the service-roadmap template: design, build, test, communicate,
 * sell and operate a booking service from MVP to enhancements. `monday` anchors all dates.
 */
export function buildDemoBoard(doc: Y.Doc, origin: CommandOrigin, monday: DateString): void {
  transact(doc, origin, () => {
    const ids = initBoardFromTemplate(doc, origin, {
      title: "Citizen booking service roadmap",
      horizonStart: monday,
      horizonEnd: addCalendarDays(monday, 7 * 36 - 3),
    });
    const at = (days: number) => addCalendarDays(monday, days);
    const milestone = (title: string, days: number, kind: "release" | "deadline" | "pilot_start" | "go_live" | "launch_event") => {
      const added = addMilestone(doc, origin, { title, date: at(days), kind });
      assert(added.ok, "demo milestone rejected");
      return added.value;
    };
    const mvpRelease = milestone("MVP release", 67, "release");
    milestone("Pilot start", 70, "pilot_start");
    const betaRelease = milestone("Beta release", 137, "release");
    milestone("Go-live", 165, "go_live");
    milestone("Launch event", 170, "launch_event");
    updatePhase(doc, origin, ids.phases.MVP, { milestoneId: mvpRelease });
    updatePhase(doc, origin, ids.phases.Beta, { milestoneId: betaRelease });

    const items = new Map<string, ItemId>();
    for (const [key, title, lane, phase, pin, duration, owners] of DEMO_ITEMS) {
      const input: NewItem = {
        title,
        laneId: ids.lanes[lane],
        phaseId: ids.phases[phase],
        start: pin === null ? null : at(pin),
        duration,
        owners,
        effort: duration,
        priority: phase === "MVP" ? "must" : phase === "Enhancements" ? "could" : "should",
        status: key === "research" ? "in_progress" : "planned",
        deadlineMilestoneId: phase === "MVP" ? mvpRelease : null,
      };
      const created = createItem(doc, origin, input);
      assert(created.ok, `demo item rejected: ${created.ok ? "" : created.error}`);
      items.set(key, created.value);
    }
    for (const [from, to, lag] of DEMO_LINKS) {
      const linked = addDependency(doc, origin, { fromId: items.get(from)!, toId: items.get(to)!, lag });
      assert(linked.ok, "demo dependency rejected");
    }
  });
}
