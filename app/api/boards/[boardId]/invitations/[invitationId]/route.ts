import { appServices } from "../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../_http/respond";
import { boardRequest } from "../../boardRoute";

type Context = { params: Promise<{ boardId: string; invitationId: string }> };

/** Withdraws a pending invitation (owners only). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().revokeInvitation(head.userId, head.boardId, (await params).invitationId));
}

/** Mails the invitation again with a new link (the old one stops working) and a fresh expiry (owners only). */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().resendInvitation(head.userId, head.boardId, (await params).invitationId));
}
