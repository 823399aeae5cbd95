import { appServices } from "../../../../../../../lib/protocol/appServices";
import { restoreSchema } from "../../../../../../../lib/protocol/versions";
import { parseBody, respond } from "../../../../../../_http/respond";
import { boardRequest } from "../../../boardRoute";
import { VERSION_BODY_LIMIT, versionParam } from "../../versionRoute";

type Context = { params: Promise<{ boardId: string; versionId: string }> };

/**
 * Restores the version, or one item of it (`{ "itemId" }`), as a new forward change (editors and
 * owners), after an automatic version of the board as it was. An empty body restores it all.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const versionId = await versionParam(params);
  if (versionId instanceof Response) return versionId;
  const empty = request.headers.get("content-length") === "0" || !request.body;
  const input = empty ? {} : await parseBody(request, restoreSchema, VERSION_BODY_LIMIT);
  if (input instanceof Response) return input;
  return respond(await appServices().restoreVersion(head.userId, head.boardId, versionId, input));
}
