import { appServices } from "../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";

type Context = { params: Promise<{ boardId: string; feedId: string }> };

/** Revokes a calendar feed: its URL answers 404 from now on. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().revokeCalendarFeed(head.userId, head.boardId, (await params).feedId));
}
