import { appServices } from "../../../../../lib/protocol/appServices";
import { errorResponse, readLimited, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** Saves the board as one of the caller's templates (editors and owners): `{ "name": "…" }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const text = await readLimited(request, 4_096);
  if (text === null) return errorResponse(422, "body is too large (at most 4096 bytes)");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorResponse(422, "body must be JSON");
  }
  // The service parses the body (zod) after the role check, so a viewer learns nothing from it.
  return respond(await appServices().saveAsTemplate(head.userId, head.boardId, body), 201);
}
