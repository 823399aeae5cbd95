import { appServices } from "../../../../../lib/protocol/appServices";
import { errorResponse, respond } from "../../../../_http/respond";
import { boardReader } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board as it was at `?at=<ISO time>`: the version before it plus the recorded changes up to it (every member, and share-link guests). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardReader(request, params);
  if (head instanceof Response) return head;
  const at = new URL(request.url).searchParams.get("at");
  if (!at) return errorResponse(422, "Say which moment: ?at=2027-01-18T09:30:00Z");
  return respond(await appServices().boardAt(head.userId, head.boardId, at));
}
