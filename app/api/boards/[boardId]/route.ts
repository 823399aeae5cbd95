import { appServices } from "../../../../lib/protocol/appServices";
import { respond } from "../../../_http/respond";
import { boardRequest } from "./boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board and the caller's role on it (404 when it does not exist or is not theirs to see). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().openBoard({ kind: "user", userId: head.userId, name: "", email: "" }, head.boardId));
}

/** Deletes the board for everyone (owners only); open connections are closed. */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().deleteBoard(head.userId, head.boardId));
}
