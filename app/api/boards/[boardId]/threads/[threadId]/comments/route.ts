import { appServices } from "../../../../../../../lib/protocol/appServices";
import { commentInputSchema, commentRecordIdSchema } from "../../../../../../../lib/protocol/comments";
import { parseBody, parseParam, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { COMMENT_REQUEST_MAX_BYTES } from "../../../commentRequest";

type Context = { params: Promise<{ boardId: string; threadId: string }> };

/** Replies in a thread (owners, editors, commenters), resolved or not. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const threadId = parseParam((await params).threadId, commentRecordIdSchema);
  if (threadId instanceof Response) return threadId;
  const input = await parseBody(request, commentInputSchema, COMMENT_REQUEST_MAX_BYTES);
  if (input instanceof Response) return input;
  return respond(await appServices().reply(head.userId, head.boardId, threadId, input), 201);
}
