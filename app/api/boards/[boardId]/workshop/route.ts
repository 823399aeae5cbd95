import { appServices } from "../../../../../lib/protocol/appServices";
import { startWorkshopSchema } from "../../../../../lib/protocol/workshops";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";
import { WORKSHOP_BODY_LIMIT } from "./workshopRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's running workshop as the caller may see it (`{ workshop: null }` when none runs) and the server's clock. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().currentWorkshop(head.userId, head.boardId));
}

/** Starts a workshop (editors and owners): 201 with `{ workshop }`, 409 when one is already running. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, startWorkshopSchema, WORKSHOP_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().startWorkshop(head.userId, head.boardId, input), 201);
}
