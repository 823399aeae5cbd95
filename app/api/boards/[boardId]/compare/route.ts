import { appServices } from "../../../../../lib/protocol/appServices";
import { respond } from "../../../../_http/respond";
import { boardReader } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/**
 * What changed between two versions, or a version and the live board:
 * `?from=<versionId|now>&to=<versionId|now>` (every member, and share-link guests). The changes are compareSnapshots'
 * (docs/history.md), the same a browser works out itself.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardReader(request, params);
  if (head instanceof Response) return head;
  const query = new URL(request.url).searchParams;
  return respond(await appServices().compareVersions(head.userId, head.boardId, query.get("from") ?? "", query.get("to") ?? ""));
}
