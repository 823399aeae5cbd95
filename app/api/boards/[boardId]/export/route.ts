import { appServices } from "../../../../../lib/protocol/appServices";
import { exportQuerySchema, RENDER_FORMATS, renderQuerySchema } from "../../../../../lib/protocol/importExport";
import { parseQuery, respond } from "../../../../_http/respond";
import { boardRequest } from "../boardRoute";

type Context = { params: Promise<{ boardId: string }> };

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
const disposition = (filename: string) => `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * The board as a file, sent as a download, for every member: `?format=csv|json|mspdi`, or the
 * timeline as `?format=pdf|png&range=all|<from>..<to>&paper=a4|a3`.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await boardRequest(request, params);
  if (head instanceof Response) return head;
  const format = new URL(request.url).searchParams.get("format");
  if ((RENDER_FORMATS as readonly (string | null)[]).includes(format)) {
    const query = parseQuery(request, renderQuerySchema);
    if (query instanceof Response) return query;
    const result = await appServices().renderBoard(head.userId, head.boardId, query);
    if (!result.ok) return respond(result);
    const { body, contentType, filename, pages } = result.value;
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "Content-Type": contentType, "Content-Disposition": disposition(filename), "Cache-Control": "no-store", "X-Waymark-Pages": String(pages) },
    });
  }
  const query = parseQuery(request, exportQuerySchema);
  if (query instanceof Response) return query;
  const result = await appServices().exportBoard(head.userId, head.boardId, query.format);
  if (!result.ok) return respond(result);
  const { body, contentType, filename } = result.value;
  return new Response(body, { headers: { "Content-Type": contentType, "Content-Disposition": disposition(filename), "Cache-Control": "no-store" } });
}
