import { appServices } from "../../../../lib/protocol/appServices";
import { markReadInputSchema } from "../../../../lib/protocol/comments";
import { parseBody } from "../../../_http/respond";
import { inboxRequest } from "../inboxRequest";

/** Marks notifications read, `{ ids }` (the caller's own; others are ignored) or `{ all: true }`; answers the unread count. */
export async function POST(request: Request): Promise<Response> {
  const head = await inboxRequest(request);
  if (head instanceof Response) return head;
  const input = await parseBody(request, markReadInputSchema);
  if (input instanceof Response) return input;
  return Response.json(await appServices().markRead(head.userId, input));
}
