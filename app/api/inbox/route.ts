import { connection } from "next/server";
import { appServices } from "../../../lib/protocol/appServices";
import { inboxRequest } from "./inboxRequest";

/** The signed-in user's notifications across the boards they are still on, newest first, with the unread count. */
export async function GET(request: Request): Promise<Response> {
  await connection();
  const head = await inboxRequest(request);
  if (head instanceof Response) return head;
  return Response.json(await appServices().inbox(head.userId));
}
