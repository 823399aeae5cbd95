import { z } from "zod";
import type { BoardId, UserId } from "../../../../../lib/model/ids";
import { parseBody, parseParam } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

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

type WorkshopParams<K extends string> = Promise<{ boardId: string; workshopId: string } & Record<K, string>>;

/** What a workshop route knows once its head has passed: the caller, the board, the workshop and the route's other ids. */
export type WorkshopHead<K extends string> = { userId: UserId; boardId: BoardId; workshopId: string; ids: Record<K, string> };

/**
 * The common head of the routes under one workshop: boardRequest (401, 404), then the workshop
 * id and the route's other ids, in order (404 for junk). Roles are checked in the services.
 */
export async function workshopRequest<K extends string = never>(
  request: Request,
  params: WorkshopParams<K>,
  ...names: K[]
): Promise<WorkshopHead<K> | Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const ids = {} as Record<K, string>;
  for (const name of names) {
    const id = await idParam(params, name);
    if (id instanceof Response) return id;
    ids[name] = id;
  }
  return { userId: head.userId, boardId: head.boardId, workshopId, ids };
}

/** workshopRequest, then the JSON body the schema wants, at most `maxBytes` long (422 otherwise). */
export async function workshopCall<S extends z.ZodType, K extends string = never>(
  request: Request,
  params: WorkshopParams<K>,
  body: { schema: S; maxBytes: number },
  ...names: K[]
): Promise<(WorkshopHead<K> & { input: z.infer<S> }) | Response> {
  const head = await workshopRequest(request, params, ...names);
  if (head instanceof Response) return head;
  const input = await parseBody(request, body.schema, body.maxBytes);
  if (input instanceof Response) return input;
  return { ...head, input };
}
