import { appServices } from "../../../../../lib/protocol/appServices";
import { boardHistoryQuerySchema, objectHistoryQuerySchema } from "../../../../../lib/protocol/history";
import { parseQuery, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/**
 * `?object=<id>&before=<cursor>&limit=`: one object's changes, newest first, in pages.
 * `?from=<iso>&to=<iso>&limit=`: every object's changes in a time range, oldest first.
 * Any member may read (viewers and commenters too); everyone else gets 404. Share-link guests
 * get 401 like on /changes: history names members and what each did when, which a link that
 * may travel anywhere should not reveal, and a guest has no account to attribute a read to.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  if (new URL(request.url).searchParams.has("object")) {
    const query = parseQuery(request, objectHistoryQuerySchema);
    if (query instanceof Response) return query;
    const before = query.before === undefined ? {} : { before: Number(query.before) };
    return respond(await appServices().objectHistory(head.userId, head.boardId, { objectId: query.object, limit: query.limit, ...before }));
  }
  const query = parseQuery(request, boardHistoryQuerySchema);
  if (query instanceof Response) return query;
  return respond(await appServices().boardHistory(head.userId, head.boardId, query));
}
