import { appServices } from "../../../../../../../lib/protocol/appServices";
import { requestActionSchema, requestIdSchema } from "../../../../../../../lib/protocol/dependencyRequests";
import { parseParam, readLimited, errorResponse, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { REQUEST_BODY_LIMIT } from "../../requestRoute";

type Context = { params: Promise<{ boardId: string; requestId: string; action: string }> };

/**
 * Answers a dependency request: commit `{ finish, note? }`, counter `{ date, note? }`, decline
 * `{ note }` (the predecessor's team), accept-counter `{}` and withdraw `{}` (the requester). The
 * services parse the body for the action and check who may; an unknown action is a 404.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const { requestId: rawId, action: rawAction } = await params;
  const requestId = parseParam(rawId, requestIdSchema);
  if (requestId instanceof Response) return requestId;
  const action = parseParam(rawAction, requestActionSchema);
  if (action instanceof Response) return action;
  const text = await readLimited(request, REQUEST_BODY_LIMIT);
  if (text === null) return errorResponse(422, `body is too large (at most ${REQUEST_BODY_LIMIT} bytes)`);
  // accept-counter and withdraw may come with no body at all; the services check each action's body with zod.
  let body: unknown = {};
  try {
    if (text.trim() !== "") body = JSON.parse(text);
  } catch {
    return errorResponse(422, "body must be JSON");
  }
  return respond(await appServices().answerDependencyRequest(head.userId, head.boardId, requestId, action, body));
}
