import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's lane owners and lane policy (members; docs/teams.md). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().getTeams(head.userId, head.boardId));
}
