import { appServices } from "../../../../lib/protocol/appServices";
import { IMPORT_MAX_BYTES, importQuerySchema } from "../../../../lib/protocol/importExport";
import { currentUser } from "../../../_auth/session";
import { crossSiteRefusal, errorResponse, parseQuery, readLimited, respond, unauthorized } from "../../../_http/respond";

/**
 * Imports a file (the request's body) as a new board, or `?into=<boardId>` an existing one
 * (lib/protocol/importExport.ts). 201 with what was written; 200 for a dry run; 422 with every
 * error when the file is refused (nothing written); 413 past IMPORT_MAX_BYTES.
 */
export async function POST(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const user = await currentUser();
  if (!user) return unauthorized();
  const query = parseQuery(request, importQuerySchema);
  if (query instanceof Response) return query;
  const text = await readLimited(request, IMPORT_MAX_BYTES);
  if (text === null) return errorResponse(413, `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most Waymark imports.`);
  if (!text.trim()) return errorResponse(422, "The file is empty.");
  const result = await appServices().importBoard(user.id, query, text);
  if (!result.ok) return respond(result);
  const outcome = result.value;
  if (outcome.errors.length) return Response.json({ error: `The file was not imported: ${outcome.errors.length === 1 ? "1 problem" : `${outcome.errors.length} problems`}.`, ...outcome }, { status: 422 });
  return Response.json(outcome, { status: outcome.written && !query.into ? 201 : 200 });
}
