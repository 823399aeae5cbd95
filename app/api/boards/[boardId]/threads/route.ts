import { appServices } from "../../../../../lib/protocol/appServices";
import { newThreadInputSchema } from "../../../../../lib/protocol/comments";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";
import { COMMENT_REQUEST_MAX_BYTES } from "../commentRequest";

type Context = { params: Promise<{ boardId: string }> };

/** The board's threads with their comments (any member; 404 for everyone else). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listThreads(head.userId, head.boardId));
}

/** Starts a thread on the board, an item or a milestone (owners, editors, commenters). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, newThreadInputSchema, COMMENT_REQUEST_MAX_BYTES);
  if (input instanceof Response) return input;
  return respond(await appServices().createThread(head.userId, head.boardId, input), 201);
}
