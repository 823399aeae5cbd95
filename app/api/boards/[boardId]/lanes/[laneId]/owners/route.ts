import { appServices } from "../../../../../../../lib/protocol/appServices";
import { laneOwnersInputSchema } from "../../../../../../../lib/protocol/teams";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";

type Context = { params: Promise<{ boardId: string; laneId: string }> };

/** Replaces a lane's owners, `{ "userIds": [...] }` (board owners; docs/teams.md). */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, laneOwnersInputSchema, 4096);
  if (input instanceof Response) return input;
  return respond(await appServices().setLaneOwners(head.userId, head.boardId, (await params).laneId, input));
}
