import { z } from "zod";
import { dateStringSchema } from "../model/dates";
import { itemIdSchema } from "../model/ids";

/**
 * Dependency requests between teams (docs/teams.md). A team asks the team owning `fromItemId`
 * (the predecessor) to finish it by `neededBy` for its own `toItemId`. Written only through the
 * server; a commitment writes a normal finish-to-start dependency into the document.
 *
 * Routes (members read; guests nothing):
 *   GET  /api/boards/<id>/dependency-requests                        → { requests: DependencyRequestView[] }
 *   POST /api/boards/<id>/dependency-requests                        RequestInput → 201 { request }
 *   POST /api/boards/<id>/dependency-requests/<rid>/commit           { finish, note? } → { request }
 *   POST /api/boards/<id>/dependency-requests/<rid>/counter          { date, note? }   → { request }
 *   POST /api/boards/<id>/dependency-requests/<rid>/accept-counter   {}                → { request }  (the requester)
 *   POST /api/boards/<id>/dependency-requests/<rid>/decline          { note }          → { request }
 *   POST /api/boards/<id>/dependency-requests/<rid>/withdraw         {}                → { request }  (the requester)
 * Live: the `requests` event.
 */

export const REQUEST_STATES = ["requested", "countered", "committed", "declined", "withdrawn"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OPEN_REQUEST_STATES: readonly RequestState[] = ["requested", "countered"];

/** What may be done to a request, one route each (`POST …/<rid>/<action>`). */
export const REQUEST_ACTIONS = ["commit", "counter", "accept-counter", "decline", "withdraw"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export const requestActionSchema = z.enum(REQUEST_ACTIONS);
/** accept-counter and withdraw carry nothing. */
export const emptyActionInputSchema = z.strictObject({});

export const MAX_REQUEST_NOTE = 2_000;
export const MAX_OPEN_REQUESTS_PER_BOARD = 500;

const noteSchema = z.string().trim().max(MAX_REQUEST_NOTE);

export const requestInputSchema = z
  .strictObject({ fromItemId: itemIdSchema, toItemId: itemIdSchema, neededBy: dateStringSchema, note: noteSchema.optional() })
  .refine((r) => r.fromItemId !== r.toItemId, "An item cannot depend on itself");
export const commitInputSchema = z.strictObject({ finish: dateStringSchema, note: noteSchema.optional() });
export const counterDateInputSchema = z.strictObject({ date: dateStringSchema, note: noteSchema.optional() });
export const declineRequestInputSchema = z.strictObject({ note: noteSchema.min(1, "Say why") });
export const requestIdSchema = z.string().regex(/^dr-[A-Za-z0-9_-]{1,60}$/, "not a request id");

/** What the library needs to derive a request's conflicts and draw its arrow. */
export interface DependencyRequestFacts {
  id: string;
  fromItemId: string;
  toItemId: string;
  neededBy: string;
  state: RequestState;
  /** The finish the owning team committed to (committed), or offered (countered). */
  committedFinish: string | null;
  counterDate: string | null;
  /** The document dependency written on commit. */
  dependencyId: string | null;
}

export interface DependencyRequestView extends DependencyRequestFacts {
  boardId: string;
  /** Lanes of the two items when the request was made (the panel groups by team). */
  fromLaneId: string | null;
  toLaneId: string | null;
  note: string | null;
  requesterId: string;
  requesterName: string;
  createdAt: string;
  answer: { byId: string; byName: string; at: string; note: string | null } | null;
  threadId: string | null;
  /** May the reader commit, counter or decline it (owning team), or accept the counter / withdraw (requester)? */
  mayAnswer: boolean;
  mayWithdraw: boolean;
}
