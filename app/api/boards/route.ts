import { connection } from "next/server";
import { appServices } from "../../../lib/protocol/appServices";
import { currentUser } from "../../_auth/session";
import { crossSiteRefusal, parseBody, respond, unauthorized } from "../../_http/respond";
import { createBoardInputSchema } from "./createBoardInput";

/** The boards the signed-in user belongs to, with their role on each. */
export async function GET(): Promise<Response> {
  await connection();
  const user = await currentUser();
  if (!user) return unauthorized();
  return Response.json({ boards: await appServices().listBoards(user.id) });
}

/** Creates a board from the service-roadmap template, owned by the signed-in user. */
export async function POST(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  const input = await parseBody(request, createBoardInputSchema);
  if (input instanceof Response) return input;
  const created = await appServices().createBoard(user.id, input);
  if (!created.ok) return respond(created);
  return Response.json({ board: created.value }, { status: 201, headers: { Location: `/boards/${created.value.id}` } });
}
