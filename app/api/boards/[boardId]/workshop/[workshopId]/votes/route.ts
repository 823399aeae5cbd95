import { appServices } from "../../../../../../../lib/protocol/appServices";
import { openVoteSchema } from "../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { idParam, VOTE_BODY_LIMIT } from "../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** Opens a dot vote over a scope of items (the facilitator): 201 with `{ workshop }`; 409 while another is open. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const input = await parseBody(request, openVoteSchema, VOTE_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().openVote(head.userId, head.boardId, workshopId, input), 201);
}
