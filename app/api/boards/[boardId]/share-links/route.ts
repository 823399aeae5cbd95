import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's view-only share links (owners only). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listShareLinks(head.userId, head.boardId));
}

/** Creates a view-only link; its secret is in this response only. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const created = await appServices().createShareLink(head.userId, head.boardId);
  if (!created.ok) return respond(created);
  return Response.json({ ...created.value, path: `/share/${created.value.secret}` }, { status: 201 });
}
