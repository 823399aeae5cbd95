import { z } from "zod";
import type { BoardComparison } from "../history/types";

/**
 * Workshops on a board (docs/workshops.md): a facilitated session with a timed agenda, dot votes
 * on roadmap items and private drafting. The server owns all of it: times are the server's
 * clock, votes and drafts are written through the routes below (never the shared document), and
 * what a person is sent is cut to what they may see (hidden votes and others' drafts never leave
 * the server before the reveal).
 *
 * Routes (all under /api/boards/<boardId>/):
 *   GET    workshop                                  -> { workshop: WorkshopView | null, serverNow }
 *   POST   workshop                 StartWorkshop    -> 201 { workshop }   (editors, owners; 409 when one runs)
 *   POST   workshop/<wid>/actions   WorkshopAction   -> { workshop }       (facilitator; owners may too)
 *   POST   workshop/<wid>/votes     OpenVote         -> 201 { workshop }   (facilitator)
 *   POST   workshop/<wid>/votes/<voteId>/ballots  CastBallot -> { workshop } (owners, editors, commenters)
 *   POST   workshop/<wid>/votes/<voteId>/state    VoteStateChange -> { workshop } (facilitator)
 *   GET    workshop/<wid>/drafts                     -> { drafts: DraftView[] }  (mine; everyone's once revealed)
 *   POST   workshop/<wid>/drafts    DraftInput       -> 201 { draft }      (owners, editors, commenters; while drafting is open)
 *   PATCH  workshop/<wid>/drafts/<draftId> DraftPatch -> { draft }         (its author, while open)
 *   DELETE workshop/<wid>/drafts/<draftId>           -> 204               (its author, while open)
 *   POST   workshop/<wid>/drafts/reveal  RevealDrafts -> { workshop, itemIds } (facilitator: writes them as items)
 *   GET    workshops                                 -> { workshops: WorkshopSummary[] } (every member; newest first)
 *   GET    workshops/<wid>                           -> { record: WorkshopRecord }  (every member, once ended)
 *   GET    workshops/<wid>/record.md                 -> text/markdown
 *
 * Live: the event stream sends `{ type: "workshop", boardId, workshop: WorkshopPublic | null,
 * serverNow }` to everyone on the board after every change; each browser keeps its own part
 * (`mine`, its drafts) from its own requests' answers and from GET workshop.
 */

export const MAX_WORKSHOP_TITLE = 120;
export const MAX_AGENDA_STEPS = 30;
export const MAX_STEP_MINUTES = 240;
export const MAX_VOTES_PER_PERSON = 20;
export const DEFAULT_VOTES_PER_PERSON = 3;
export const MAX_VOTE_ITEMS = 2_000;
export const MAX_DRAFTS_PER_PERSON = 50;
export const MAX_DRAFT_TITLE = 200;

/** What a step is for: a "draft" step opens private drafting, a "vote" step is where a vote usually runs. */
export const STEP_KINDS = ["discuss", "draft", "vote"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const idRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const agendaStepSchema = z.strictObject({
  title: z.string().trim().min(1, "Name the step").max(MAX_WORKSHOP_TITLE),
  minutes: z.number().int().min(1).max(MAX_STEP_MINUTES),
  kind: z.enum(STEP_KINDS).default("discuss"),
});
export type AgendaStepInput = z.infer<typeof agendaStepSchema>;

export const startWorkshopSchema = z.strictObject({
  title: z.string().trim().min(1, "Give the workshop a title").max(MAX_WORKSHOP_TITLE),
  agenda: z.array(agendaStepSchema).min(1, "Add at least one step").max(MAX_AGENDA_STEPS),
});
export type StartWorkshop = z.infer<typeof startWorkshopSchema>;

/** The facilitator's controls. `minutes` on add-minutes may be negative to take time off. */
export const workshopActionSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("start-timer") }),
  z.strictObject({ action: z.literal("pause-timer") }),
  z.strictObject({ action: z.literal("add-minutes"), minutes: z.number().int().min(-MAX_STEP_MINUTES).max(MAX_STEP_MINUTES) }),
  z.strictObject({ action: z.literal("next-step") }),
  z.strictObject({ action: z.literal("go-to-step"), step: z.number().int().min(0).max(MAX_AGENDA_STEPS - 1) }),
  z.strictObject({ action: z.literal("hand-over"), userId: idRef }),
  z.strictObject({ action: z.literal("end") }),
]);
export type WorkshopAction = z.infer<typeof workshopActionSchema>;

/** Which items a vote is over. `selection` lists them; the others are resolved on the server when the vote opens. */
export const voteScopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("board") }),
  z.strictObject({ kind: z.literal("phase"), phaseId: idRef }),
  z.strictObject({ kind: z.literal("lane"), laneId: idRef }),
  z.strictObject({ kind: z.literal("selection"), itemIds: z.array(idRef).min(1).max(MAX_VOTE_ITEMS) }),
]);
export type VoteScope = z.infer<typeof voteScopeSchema>;

export const openVoteSchema = z.strictObject({
  title: z.string().trim().min(1).max(MAX_WORKSHOP_TITLE),
  scope: voteScopeSchema,
  votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON).default(DEFAULT_VOTES_PER_PERSON),
  /** May one person put several of their votes on one item. */
  stacking: z.boolean().default(false),
  /** hidden: counts are sent to nobody until revealed; open: counts are live. */
  visibility: z.enum(["hidden", "open"]).default("hidden"),
});
export type OpenVote = z.infer<typeof openVoteSchema>;

/** +1 puts one of my votes on the item, -1 takes one back. */
export const castBallotSchema = z.strictObject({ itemId: idRef, delta: z.union([z.literal(1), z.literal(-1)]) });
export type CastBallot = z.infer<typeof castBallotSchema>;

export const voteStateChangeSchema = z.strictObject({ state: z.enum(["closed", "revealed"]) });

export const DRAFT_SIZES = ["S", "M", "L", "XL"] as const;
/** Working days each rough size becomes when drafts are revealed as items. */
export const DRAFT_SIZE_DAYS: Record<(typeof DRAFT_SIZES)[number], number> = { S: 5, M: 10, L: 20, XL: 40 };

export const draftInputSchema = z.strictObject({
  title: z.string().trim().min(1, "Give the draft a title").max(MAX_DRAFT_TITLE),
  laneId: idRef.nullable().default(null),
  phaseId: idRef.nullable().default(null),
  size: z.enum(DRAFT_SIZES).default("M"),
});
export type DraftInput = z.infer<typeof draftInputSchema>;
/**
 * A draft's changed fields only. Not `draftInputSchema.partial()`: its defaults would fill the
 * fields left out (a title-only patch would clear the lane and phase and reset the size).
 */
export const draftPatchSchema = z.strictObject({
  title: z.string().trim().min(1, "Give the draft a title").max(MAX_DRAFT_TITLE).optional(),
  laneId: idRef.nullable().optional(),
  phaseId: idRef.nullable().optional(),
  size: z.enum(DRAFT_SIZES).optional(),
});

/** Where revealed drafts land: the unscheduled tray (each in its drafted lane), or all in one lane. */
export const revealDraftsSchema = z.strictObject({
  target: z.discriminatedUnion("kind", [z.strictObject({ kind: z.literal("tray") }), z.strictObject({ kind: z.literal("lane"), laneId: idRef })]),
});

export interface PersonView {
  id: string;
  name: string;
}

export interface AgendaStepView {
  title: string;
  minutes: number;
  kind: StepKind;
  /** When the step became current and when it was left (server times), null until then. */
  startedAt: string | null;
  endedAt: string | null;
}

/**
 * The countdown. Running: it reaches zero at `endsAt` (server clock). Paused or idle: it has
 * `remainingMs` left. Browsers compute the remaining time from `endsAt` and their offset to the
 * server's clock (from `serverNow`), so every screen shows the same second.
 */
export interface TimerView {
  state: "idle" | "running" | "paused";
  endsAt: string | null;
  remainingMs: number;
}

export interface VotePublic {
  id: string;
  title: string;
  scope: VoteScope["kind"];
  itemIds: string[];
  votesPerPerson: number;
  stacking: boolean;
  visibility: "hidden" | "open";
  state: "open" | "closed" | "revealed";
  /** Votes per item: null while hidden and not revealed (nobody, not even the facilitator, gets them). */
  counts: Record<string, number> | null;
  /** How many people have cast at least one vote (safe to show while hidden). */
  voters: number;
  openedAt: string;
  revealedAt: string | null;
}

/** What everyone on the board may see of a running workshop (sent in the live event). */
export interface WorkshopPublic {
  id: string;
  boardId: string;
  title: string;
  facilitator: PersonView;
  startedAt: string;
  endedAt: string | null;
  agenda: AgendaStepView[];
  step: number;
  timer: TimerView;
  /** People in the board's room during the session, now or earlier. */
  participants: (PersonView & { present: boolean })[];
  /** The vote being run or last run in this session, if any. */
  vote: VotePublic | null;
  /** Drafting: open while a draft step is current and not yet revealed; `count` is everyone's drafts together. */
  drafting: { state: "closed" | "open" | "revealed"; count: number };
  startVersionId: string | null;
}

/** The workshop as one person is sent it: the public part plus their own votes. */
export interface WorkshopView extends WorkshopPublic {
  mine: { votes: Record<string, number>; remaining: number } | null;
}

export interface DraftView {
  id: string;
  author: PersonView;
  title: string;
  laneId: string | null;
  phaseId: string | null;
  size: (typeof DRAFT_SIZES)[number];
  createdAt: string;
  /** The item it became at the reveal. */
  itemId: string | null;
}

export interface WorkshopSummary {
  id: string;
  title: string;
  facilitator: PersonView;
  startedAt: string;
  endedAt: string | null;
  participants: number;
}

/** The record of an ended workshop (docs/workshops.md). */
export interface WorkshopRecord extends WorkshopSummary {
  boardId: string;
  boardTitle: string;
  people: (PersonView & { joinedAt: string; minutes: number })[];
  agenda: AgendaStepView[];
  votes: (VotePublic & { ranked: { itemId: string; title: string; votes: number }[] })[];
  /** The comparison of the workshop's start version with the board at its end (lib/history). */
  changes: BoardComparison | null;
  drafts: { itemId: string | null; title: string; author: PersonView }[];
  /** Threads resolved during the session. */
  decisions: { threadId: string; itemId: string | null; itemTitle: string | null; text: string; resolvedBy: PersonView; resolvedAt: string }[];
  startVersionId: string | null;
  endVersionId: string | null;
}
