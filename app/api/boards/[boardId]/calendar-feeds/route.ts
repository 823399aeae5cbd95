import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's calendar feeds (owners only). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listCalendarFeeds(head.userId, head.boardId));
}

/** Creates a calendar feed; its secret, and so its URL, is in this response only. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const created = await appServices().createCalendarFeed(head.userId, head.boardId);
  if (!created.ok) return respond(created);
  return Response.json({ ...created.value, path: `/api/calendar/${created.value.secret}.ics` }, { status: 201 });
}
