import { appServices } from "../../../../../../../lib/protocol/appServices";
import { respond } from "../../../../../../_http/respond";
import { workshopRequest } from "../../../workshop/workshopRoute";

type Context = { params: Promise<{ boardId: string; workshopId: string }> };

/** The record of an ended workshop as Markdown, to download or paste elsewhere. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const head = await workshopRequest(request, params);
  if (head instanceof Response) return head;
  const { workshopId } = head;
  const result = await appServices().workshopRecordMarkdown(head.userId, head.boardId, workshopId);
  if (!result.ok) return respond(result);
  return new Response(result.value, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="workshop-${workshopId}.md"`,
      "Cache-Control": "no-store",
    },
  });
}
