import { appServices } from "../../../../../lib/protocol/appServices";
import { requestInputSchema } from "../../../../../lib/protocol/dependencyRequests";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";
import { REQUEST_BODY_LIMIT } from "./requestRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's dependency requests between teams, oldest first (every member; share-link guests nothing). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listDependencyRequests(head.userId, head.boardId));
}

/** Asks the team owning `fromItemId` to finish it by `neededBy` for `toItemId`, an item of a lane the asker may edit: 201 with `{ request }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, requestInputSchema, REQUEST_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().requestDependency(head.userId, head.boardId, input), 201);
}
