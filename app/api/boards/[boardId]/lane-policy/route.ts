import { appServices } from "../../../../../lib/protocol/appServices";
import { lanePolicyInputSchema } from "../../../../../lib/protocol/teams";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** Sets the lane policy, `{ "policy": "open" | "propose" }` (board owners; docs/teams.md). */
export async function PUT(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, lanePolicyInputSchema, 1024);
  if (input instanceof Response) return input;
  return respond(await appServices().setLanePolicy(head.userId, head.boardId, input));
}
