import { appServices } from "../../../../../../../../../lib/protocol/appServices";
import { castBallotSchema } from "../../../../../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../../../../../_http/respond";
import { boardRequest } from "../../../../../boardRoute";
import { idParam, SMALL_BODY_LIMIT } from "../../../../workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string; voteId: string }> };

/** Puts one of the caller's votes on an item, or takes one back (owners, editors, commenters). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const workshopId = await idParam(params, "workshopId");
  if (workshopId instanceof Response) return workshopId;
  const voteId = await idParam(params, "voteId");
  if (voteId instanceof Response) return voteId;
  const input = await parseBody(request, castBallotSchema, SMALL_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().castBallot(head.userId, head.boardId, workshopId, voteId, input));
}
