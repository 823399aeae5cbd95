import { describe, expect, it } from "vitest";
import { agendaEdits, agendaMinutes, MVP_CUT_AGENDA, parseMinutes } from "../../../components/workshop/agenda";
import { canFacilitate, fromAnswer, fromEvent, NO_WORKSHOP } from "../../../components/workshop/workshopState";
import { MAX_AGENDA_STEPS, startWorkshopSchema, type VotePublic, type WorkshopPublic, type WorkshopView } from "../../../lib/protocol/workshops";

const vote = (id: string): VotePublic => ({
  id,
  title: "MVP",
  scope: "board",
  itemIds: ["i1"],
  votesPerPerson: 3,
  stacking: false,
  visibility: "hidden",
  state: "open",
  counts: null,
  voters: 0,
  openedAt: "2026-12-07T10:00:00.000Z",
  revealedAt: null,
});

const pub = (over: Partial<WorkshopPublic> = {}): WorkshopPublic => ({
  id: "w1",
  boardId: "b1",
  title: "MVP cut",
  facilitator: { id: "u1", name: "Ann" },
  startedAt: "2026-12-07T10:00:00.000Z",
  endedAt: null,
  agenda: [],
  step: 0,
  timer: { state: "idle", endsAt: null, remainingMs: 60_000 },
  participants: [],
  vote: null,
  drafting: { state: "closed", count: 0 },
  startVersionId: null,
  ...over,
});
const view = (over: Partial<WorkshopView> = {}): WorkshopView => ({ ...pub(over), mine: over.mine ?? null });

describe("holding the workshop: events carry everyone's part, answers this person's own", () => {
  it("an event keeps my votes while the vote is the same one", () => {
    const held = fromAnswer(view({ vote: vote("v1"), mine: { votes: { i1: 2 }, remaining: 1 } }));
    const next = fromEvent(held, pub({ vote: { ...vote("v1"), voters: 4 }, step: 2 }));
    expect(next.refetch).toBe(false);
    expect(next.held.workshop?.mine).toEqual({ votes: { i1: 2 }, remaining: 1 });
    expect(next.held.workshop?.step).toBe(2);
    expect(next.held.workshop?.vote?.voters).toBe(4);
  });

  it("a new vote drops the old budget and asks for mine", () => {
    const held = fromAnswer(view({ vote: vote("v1"), mine: { votes: { i1: 3 }, remaining: 0 } }));
    const next = fromEvent(held, pub({ vote: vote("v2") }));
    expect(next.refetch).toBe(true);
    expect(next.held.workshop?.mine).toBeNull();
    // The answer to that refetch brings it back, and later events keep it.
    const answered = fromAnswer(view({ vote: vote("v2"), mine: { votes: {}, remaining: 3 } }));
    expect(fromEvent(answered, pub({ vote: vote("v2") })).held.workshop?.mine?.remaining).toBe(3);
  });

  it("another workshop asks for mine; an ended one (null) clears everything", () => {
    const held = fromAnswer(view({ vote: vote("v1"), mine: { votes: {}, remaining: 3 } }));
    expect(fromEvent(held, pub({ id: "w2" })).refetch).toBe(true);
    expect(fromEvent(NO_WORKSHOP, pub()).refetch).toBe(true);
    expect(fromEvent(held, null)).toEqual({ held: NO_WORKSHOP, refetch: false });
  });

  it('an ended workshop, in an event or in the answer to "end", closes the session bar', () => {
    const held = fromAnswer(view({ vote: vote("v1"), mine: { votes: {}, remaining: 3 } }));
    const ended = "2026-12-07T11:00:00.000Z";
    expect(fromEvent(held, pub({ endedAt: ended }))).toEqual({ held: NO_WORKSHOP, refetch: false });
    expect(fromAnswer(view({ endedAt: ended }))).toEqual(NO_WORKSHOP);
  });

  it("the facilitator and owners run the controls; nobody runs an ended workshop", () => {
    expect(canFacilitate(pub(), "u1", false)).toBe(true);
    expect(canFacilitate(pub(), "u2", false)).toBe(false);
    expect(canFacilitate(pub(), "u2", true)).toBe(true);
    expect(canFacilitate(pub({ endedAt: "2026-12-07T11:00:00.000Z" }), "u1", true)).toBe(false);
    expect(canFacilitate(null, "u1", true)).toBe(false);
    expect(canFacilitate(pub(), null, true)).toBe(false);
  });
});

describe("the agenda editor", () => {
  it("starts with an MVP-cut agenda the server accepts", () => {
    expect(startWorkshopSchema.safeParse({ title: "MVP cut", agenda: MVP_CUT_AGENDA }).success).toBe(true);
    expect(MVP_CUT_AGENDA.some((s) => s.kind === "draft") && MVP_CUT_AGENDA.some((s) => s.kind === "vote")).toBe(true);
    expect(agendaMinutes(MVP_CUT_AGENDA)).toBe(50);
  });
  it("adds, moves, edits and removes steps within the bounds", () => {
    let steps = agendaEdits.add([...MVP_CUT_AGENDA]);
    expect(steps).toHaveLength(MVP_CUT_AGENDA.length + 1);
    steps = agendaEdits.update(steps, steps.length - 1, { title: "Retro" });
    steps = agendaEdits.move(steps, steps.length - 1, -1);
    expect(steps.at(-2)?.title).toBe("Retro");
    expect(agendaEdits.move(steps, 0, -1)).toEqual(steps);
    expect(agendaEdits.remove([steps[0]!], 0)).toHaveLength(1);
    const full = Array.from({ length: MAX_AGENDA_STEPS }, () => MVP_CUT_AGENDA[0]!);
    expect(agendaEdits.add(full)).toHaveLength(MAX_AGENDA_STEPS);
  });
  it("reads minutes as whole numbers within the server's bounds", () => {
    expect(parseMinutes("15")).toBe(15);
    expect(parseMinutes(" 7 ")).toBe(7);
    for (const bad of ["0", "-3", "1.5", "241", "", "ten"]) expect(parseMinutes(bad)).toBeNull();
  });
});
