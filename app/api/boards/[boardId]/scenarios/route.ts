import { appServices } from "../../../../../lib/protocol/appServices";
import { scenarioInputSchema } from "../../../../../lib/protocol/scenarios";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";
import { SCENARIO_BODY_LIMIT } from "./scenarioRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The plan's scenarios, oldest first (every member of the plan; share-link guests see none). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listScenarios(head.userId, head.boardId));
}

/** Forks the plan into a new scenario (editors and owners): 201 with `{ scenario }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, scenarioInputSchema, SCENARIO_BODY_LIMIT);
  if (input instanceof Response) return input;
  const result = await appServices().createScenario(head.userId, head.boardId, input);
  return result.ok ? Response.json({ scenario: result.value }, { status: 201 }) : respond(result);
}
