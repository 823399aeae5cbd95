import { z } from "zod";
import { timeScaleSchema } from "../model/schemas";

/**
 * What a browser may announce about itself in awareness, beside the `user` the server writes.
 * The sync server keeps only these fields, each only when it parses, and relays nothing else;
 * browsers parse peers' states with the same schemas. Positions are in document coordinates
 * (day numbers, lane ids, fractions of a lane's height), never pixels, so people at different
 * zoom levels and scroll positions see them in the same place on the board.
 */

/** A lane id, or "" for the pseudo-lane that holds items whose lane was deleted. */
const laneRef = z.string().regex(/^[A-Za-z0-9_-]{0,64}$/);
const itemRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** Day numbers (days since 1970-01-01) stay within a few thousand years of now. */
const dayNumber = z.number().min(-1_000_000).max(1_000_000);
/** Where in a lane's height, 0 at its top edge and 1 at its bottom. */
const laneFraction = z.number().min(0).max(1);

/** The mouse over the timeline: a fractional day, a lane and how far down that lane. */
export const pointerSchema = z.object({ day: dayNumber, lane: laneRef, y: laneFraction });
export type PresencePointer = z.infer<typeof pointerSchema>;

/**
 * What someone's timeline shows: the zoom, the day at the left edge, and the lane (with how far
 * down it) at the top edge. A follower applies it to their own screen size.
 */
export const viewportSchema = z.object({ scale: timeScaleSchema, day: dayNumber, lane: laneRef, y: laneFraction });
export type PresenceViewport = z.infer<typeof viewportSchema>;

/** A bar being dragged: the item, the gesture, how many days it moved so far and the lane under the pointer. */
export const draggingSchema = z.object({
  item: itemRef,
  mode: z.enum(["move", "resize"]),
  days: z.number().int().min(-100_000).max(100_000),
  lane: laneRef,
});
export type PresenceDragging = z.infer<typeof draggingSchema>;

/**
 * A facilitator asking everyone to follow their view. The id is new for every request, so
 * someone who stopped following is not pulled back by the same request, only by a new one.
 */
const requestRef = z.string().regex(/^[A-Za-z0-9]{1,32}$/);
export const followRequestSchema = z.object({ id: requestRef });
export type FollowRequest = z.infer<typeof followRequestSchema>;

/**
 * A facilitator bringing everyone to their view once ("Bring everyone here"), without follow
 * mode: the view as it was when they asked, under an id that is new for every request, so each
 * browser moves once per request and stays free to scroll away.
 */
export const bringHereSchema = z.object({ id: requestRef, viewport: viewportSchema });
export type BringHereRequest = z.infer<typeof bringHereSchema>;

/** A laser trail holds at most this many points: enough for a fading stroke, never bulk. */
export const MAX_LASER_POINTS = 20;

/**
 * A facilitator's laser pointer while they hold its key: the latest points of the mouse over
 * the timeline, oldest first, in the same document coordinates as the pointer.
 */
export const laserSchema = z.array(pointerSchema).min(1).max(MAX_LASER_POINTS);
export type PresenceLaser = z.infer<typeof laserSchema>;

/**
 * A text caret in a rich-text description (Tiptap's collaboration caret, as y-prosemirror
 * writes it: two Yjs relative positions). y-prosemirror puts RelativePosition objects into the
 * state as they are, so absent parts arrive as null, not missing: both must pass.
 */
const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });
const relativePosition = z.object({
  type: yId.nullish(),
  tname: z.string().max(200).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().min(-1).max(1).nullish(),
});
export const textCaretSchema = z.object({ anchor: relativePosition, head: relativePosition });

/** The fields a browser may set, each nullable (cleared) and each checked on its own. */
export const PRESENCE_FIELDS = {
  selection: itemRef,
  pointer: pointerSchema,
  viewport: viewportSchema,
  dragging: draggingSchema,
  followMe: followRequestSchema,
  bringHere: bringHereSchema,
  laser: laserSchema,
  cursor: textCaretSchema,
} as const;
export type PresenceField = keyof typeof PRESENCE_FIELDS;

/**
 * Fields only people who may edit can announce: a viewer drags nothing and leads no workshop,
 * so cannot pull anyone's view (follow me, bring everyone here) nor point a laser at them.
 */
export const EDITOR_FIELDS: ReadonlySet<PresenceField> = new Set<PresenceField>(["dragging", "followMe", "bringHere", "laser"]);

/** A state's JSON over this many characters is junk, not presence: its fields are not even parsed. */
export const MAX_PRESENCE_STATE_CHARS = 4096;

export type PresenceFields = { [K in PresenceField]?: z.infer<(typeof PRESENCE_FIELDS)[K]> | null };

/**
 * Keeps the fields of a state that parse, drops the rest (unknown fields, malformed values,
 * fields the connection's role may not announce). Never throws.
 */
export function cleanPresence(state: Record<string, unknown>, options: { mayEdit: boolean }): PresenceFields {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(PRESENCE_FIELDS) as PresenceField[]) {
    if (!Object.hasOwn(state, field)) continue;
    if (!options.mayEdit && EDITOR_FIELDS.has(field)) continue;
    const value = state[field];
    if (value === null) {
      out[field] = null;
      continue;
    }
    const parsed = PRESENCE_FIELDS[field].safeParse(value);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as PresenceFields;
}
