import { appServices } from "../../../../../../lib/protocol/appServices";
import { commentInputSchema, commentRecordIdSchema } from "../../../../../../lib/protocol/comments";
import { parseBody, parseParam, respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";
import { COMMENT_REQUEST_MAX_BYTES } from "../../commentRequest";

type Context = { params: Promise<{ boardId: string; commentId: string }> };

/** Edits a comment (its author only). */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const commentId = parseParam((await params).commentId, commentRecordIdSchema);
  if (commentId instanceof Response) return commentId;
  const input = await parseBody(request, commentInputSchema, COMMENT_REQUEST_MAX_BYTES);
  if (input instanceof Response) return input;
  return respond(await appServices().editComment(head.userId, head.boardId, commentId, input));
}

/** Deletes a comment, leaving a placeholder (its author, or an owner). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const commentId = parseParam((await params).commentId, commentRecordIdSchema);
  if (commentId instanceof Response) return commentId;
  return respond(await appServices().deleteComment(head.userId, head.boardId, commentId));
}
