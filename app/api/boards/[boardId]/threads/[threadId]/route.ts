import { appServices } from "../../../../../../lib/protocol/appServices";
import { commentRecordIdSchema, threadPatchSchema } from "../../../../../../lib/protocol/comments";
import { parseBody, parseParam, respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";

type Context = { params: Promise<{ boardId: string; threadId: string }> };

/** Resolves or reopens a thread (its starter, editors and owners). */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const threadId = parseParam((await params).threadId, commentRecordIdSchema);
  if (threadId instanceof Response) return threadId;
  const input = await parseBody(request, threadPatchSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().setThreadResolved(head.userId, head.boardId, threadId, input.resolved));
}
