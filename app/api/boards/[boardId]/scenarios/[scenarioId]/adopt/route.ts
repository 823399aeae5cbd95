import { appServices } from "../../../../../../../lib/protocol/appServices";
import { adoptInputSchema } from "../../../../../../../lib/protocol/scenarios";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { ADOPT_BODY_LIMIT, scenarioParam } from "../../scenarioRoute";

type Context = { params: Promise<{ boardId: string; scenarioId: string }> };

/**
 * Adopts all of a scenario or the ticked changes into the plan (editors and owners), after an
 * automatic version of the plan; `apply: false` hands the writes back for the adopter's client.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const scenarioId = await scenarioParam(params);
  if (scenarioId instanceof Response) return scenarioId;
  const input = await parseBody(request, adoptInputSchema, ADOPT_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().adoptScenario(head.userId, head.boardId, scenarioId, input));
}
