import { appServices } from "../../../../../../lib/protocol/appServices";
import { scenarioPatchSchema } from "../../../../../../lib/protocol/scenarios";
import { parseBody, respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";
import { SCENARIO_BODY_LIMIT, scenarioParam } from "../scenarioRoute";

type Context = { params: Promise<{ boardId: string; scenarioId: string }> };

/** Renames, re-describes, archives or reopens a scenario (editors and owners): `{ scenario }`. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const scenarioId = await scenarioParam(params);
  if (scenarioId instanceof Response) return scenarioId;
  const input = await parseBody(request, scenarioPatchSchema, SCENARIO_BODY_LIMIT);
  if (input instanceof Response) return input;
  const result = await appServices().updateScenario(head.userId, head.boardId, scenarioId, input);
  return result.ok ? Response.json({ scenario: result.value }) : respond(result);
}

/** Discards a scenario and its document (editors and owners): 204. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const scenarioId = await scenarioParam(params);
  if (scenarioId instanceof Response) return scenarioId;
  const result = await appServices().discardScenario(head.userId, head.boardId, scenarioId);
  return result.ok ? new Response(null, { status: 204 }) : respond(result);
}
