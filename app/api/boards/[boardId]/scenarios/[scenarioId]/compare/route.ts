import { appServices } from "../../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { scenarioParam } from "../../scenarioRoute";

type Context = { params: Promise<{ boardId: string; scenarioId: string }> };

/** The plan and the scenario side by side, and the scenario's changes since the fork (every member). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const scenarioId = await scenarioParam(params);
  if (scenarioId instanceof Response) return scenarioId;
  return respond(await appServices().compareScenario(head.userId, head.boardId, scenarioId));
}
