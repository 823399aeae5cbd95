import { z } from "zod";
import { parseParam } from "../../../../_http/respond";

/**
 * Body limits of the workshop routes: an agenda of 30 steps is a few kilobytes; a vote over a
 * selection of 2,000 item ids is the largest body (about 140 KB); everything else is a few
 * fields. Anything longer is not one of these.
 */
export const WORKSHOP_BODY_LIMIT = 16 * 1024;
export const VOTE_BODY_LIMIT = 160 * 1024;
export const SMALL_BODY_LIMIT = 4 * 1024;

const refSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A route's id parameter (workshop, vote or draft), or a 404 for junk that cannot name one. */
export async function idParam<K extends string>(params: Promise<Record<K, string>>, name: K): Promise<string | Response> {
  return parseParam((await params)[name], refSchema);
}
