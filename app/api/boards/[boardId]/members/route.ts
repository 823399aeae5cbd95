import { z } from "zod";
import { appServices } from "../../../../../lib/protocol/appServices";
import { roleSchema } from "../../../../../lib/protocol/roles";
import { parseBody, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

const inviteSchema = z.object({ email: z.string().max(320), role: roleSchema }).strict();

/** Members (any member may see who is on the board) and, for owners, pending invitations. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listMembers(head.userId, head.boardId));
}

/** Invites by email with a role (owners only): 201 `{ status: "invited" }` whether or not the address has an account. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, inviteSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().invite(head.userId, head.boardId, input), 201);
}
