import { z } from "zod";
import { dateStringSchema } from "../model/dates";
import { itemIdSchema, laneIdSchema, phaseIdSchema } from "../model/ids";

/**
 * Proposals: suggest mode (docs/teams.md). Written only through the server, which takes the
 * author from the session, checks the role and the lane, and keeps the item's values at the
 * time (`base`) to tell when a proposal has gone stale.
 *
 * Routes (members read; guests nothing):
 *   GET  /api/boards/<id>/proposals?state=open|all        → { proposals: ProposalView[] }
 *   POST /api/boards/<id>/proposals                       ProposalInput → 201 { proposal }
 *   POST /api/boards/<id>/proposals/<pid>/accept          { acknowledgeStale?, note? } → { proposal }
 *   POST /api/boards/<id>/proposals/<pid>/decline         { note } → { proposal }
 *   POST /api/boards/<id>/proposals/<pid>/counter         { change, reason } → 201 { proposal } (the new one)
 *   POST /api/boards/<id>/proposals/<pid>/withdraw        {} → { proposal }
 * Live: the `proposals` event.
 */

export const MAX_PROPOSAL_REASON = 2_000;
export const MAX_ANSWER_NOTE = 2_000;
/** Open proposals a board holds at most, and one person's open ones on a board. */
export const MAX_OPEN_PROPOSALS_PER_BOARD = 500;
export const MAX_OPEN_PROPOSALS_PER_PERSON = 50;

export const PROPOSAL_STATES = ["open", "accepted", "declined", "countered", "withdrawn"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** The fields a proposal may change on an item. */
export const proposedFieldsSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(500).optional(),
    start: dateStringSchema.nullable().optional(),
    duration: z.number().int().min(1).max(5_000).optional(),
    phaseId: phaseIdSchema.nullable().optional(),
    laneId: laneIdSchema.optional(),
    /** Scope: plain text that replaces the description. */
    scope: z.string().max(20_000).optional(),
  })
  .refine((f) => Object.keys(f).length > 0, "Propose at least one change");
export type ProposedFields = z.infer<typeof proposedFieldsSchema>;

export const proposalChangeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("change"), itemId: itemIdSchema, fields: proposedFieldsSchema }),
  z.strictObject({ kind: z.literal("remove"), itemId: itemIdSchema }),
  z.strictObject({
    kind: z.literal("create"),
    laneId: laneIdSchema,
    item: z.strictObject({
      title: z.string().trim().min(1).max(500),
      phaseId: phaseIdSchema.nullable().optional(),
      start: dateStringSchema.nullable().optional(),
      duration: z.number().int().min(1).max(5_000).optional(),
      scope: z.string().max(20_000).optional(),
    }),
  }),
]);
export type ProposalChange = z.infer<typeof proposalChangeSchema>;

const reasonSchema = z.string().trim().min(1, "Say why").max(MAX_PROPOSAL_REASON);
const noteSchema = z.string().trim().max(MAX_ANSWER_NOTE);

export const proposalInputSchema = z.strictObject({ change: proposalChangeSchema, reason: reasonSchema });
export const acceptInputSchema = z.strictObject({ acknowledgeStale: z.boolean().optional(), note: noteSchema.optional() });
export const declineInputSchema = z.strictObject({ note: noteSchema.min(1, "Say why") });
export const counterInputSchema = proposalInputSchema;
export const proposalIdSchema = z.string().regex(/^pr-[A-Za-z0-9_-]{1,60}$/, "not a proposal id");

/** An item's values a proposal depends on, as they were when it was made (and are now). */
export type ProposalBase = Partial<Record<"title" | "start" | "duration" | "phaseId" | "laneId" | "scope", unknown>> & {
  /** False when the item did not exist (a new-item proposal) or is gone. */
  exists: boolean;
};

export interface ProposalView {
  id: string;
  boardId: string;
  laneId: string;
  itemId: string | null;
  change: ProposalChange;
  reason: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  state: ProposalState;
  base: ProposalBase;
  /** Open and the item changed since (or is gone): `now` holds the item's current values. */
  stale: boolean;
  now: ProposalBase | null;
  answer: { byId: string; byName: string; at: string; note: string | null } | null;
  counterOf: string | null;
  /** The comment thread it started (inbox, discussion). */
  threadId: string | null;
  /** May the reader answer it (accept, decline, counter)? */
  mayAnswer: boolean;
}
