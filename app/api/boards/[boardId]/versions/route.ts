import { appServices } from "../../../../../lib/protocol/appServices";
import { createVersionSchema } from "../../../../../lib/protocol/versions";
import { parseBody, respond } from "../../../../_http/respond";
import { boardReader, boardRequest } from "../boardRoute";
import { VERSION_BODY_LIMIT } from "./versionRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board's versions, newest first, and its baseline (every member, and share-link guests without authors' names). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardReader(request, params);
  if (head instanceof Response) return head;
  return respond(await appServices().listVersions(head.userId, head.boardId));
}

/** Saves the board as it is now as a named version (editors and owners): 201 with `{ version }`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const input = await parseBody(request, createVersionSchema, VERSION_BODY_LIMIT);
  if (input instanceof Response) return input;
  const result = await appServices().createVersion(head.userId, head.boardId, input);
  return result.ok ? Response.json({ version: result.value }, { status: 201 }) : respond(result);
}
