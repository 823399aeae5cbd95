import { appServices } from "../../../../../lib/protocol/appServices";
import { exportQuerySchema } from "../../../../../lib/protocol/importExport";
import { parseQuery, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** The board as a file: `?format=csv|json|mspdi` (every member), sent as a download. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const query = parseQuery(request, exportQuerySchema);
  if (query instanceof Response) return query;
  const result = await appServices().exportBoard(head.userId, head.boardId, query.format);
  if (!result.ok) return respond(result);
  const { body, contentType, filename } = result.value;
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      // RFC 6266: an ASCII fallback and the UTF-8 name.
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
