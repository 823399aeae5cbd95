import { boardIdSchema, type BoardId } from "../../../../../lib/model/ids";
import { parseParam } from "../../../../_http/respond";

/** A scenario's name and purpose: anything longer is not one. */
export const SCENARIO_BODY_LIMIT = 8 * 1024;
/** An adopt names at most 20,000 change ids (adoptInputSchema). */
export const ADOPT_BODY_LIMIT = 2 * 1024 * 1024;

/** The scenario id of a route (a board id), or a 404 for junk that cannot name one. */
export async function scenarioParam(params: Promise<{ scenarioId: string }>): Promise<BoardId | Response> {
  return parseParam((await params).scenarioId, boardIdSchema);
}
