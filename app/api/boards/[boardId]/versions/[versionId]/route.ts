import { appServices } from "../../../../../../lib/protocol/appServices";
import { updateVersionSchema } from "../../../../../../lib/protocol/versions";
import { parseBody, respond } from "../../../../../_http/respond";
import { boardReader, boardRequest } from "../../boardRoute";
import { VERSION_BODY_LIMIT, versionParam } from "../versionRoute";

type Context = { params: Promise<{ boardId: string; versionId: string }> };

/** The version and the board as it was then (`{ version, snapshot }`, the shape readSnapshot gives). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardReader(request, params);
  if (head instanceof Response) return head;
  const versionId = await versionParam(params);
  if (versionId instanceof Response) return versionId;
  return respond(await appServices().readVersion(head.userId, head.boardId, versionId));
}

/** Renames or re-notes a version (editors and owners); naming an automatic one keeps it. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const versionId = await versionParam(params);
  if (versionId instanceof Response) return versionId;
  const input = await parseBody(request, updateVersionSchema, VERSION_BODY_LIMIT);
  if (input instanceof Response) return input;
  const result = await appServices().updateVersion(head.userId, head.boardId, versionId, input);
  return result.ok ? Response.json({ version: result.value }) : respond(result);
}

/** Deletes a named version (owners; not the baseline). */
export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const versionId = await versionParam(params);
  if (versionId instanceof Response) return versionId;
  return respond(await appServices().deleteVersion(head.userId, head.boardId, versionId));
}
