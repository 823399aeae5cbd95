import { appServices } from "../../../../lib/protocol/appServices";
import { errorResponse, respond } from "../../../_http/respond";

type Context = { params: Promise<{ feed: string }> };

/**
 * A board's milestones as iCalendar, for calendar apps subscribed to `/api/calendar/<secret>.ics`.
 * No session and no origin check: calendar servers fetch it. The secret is the credential; an
 * unknown or revoked one is 404, a feed polled too often 429.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const name = (await params).feed;
  if (!name.endsWith(".ics")) return errorResponse(404, "not found");
  const result = await appServices().calendarFeed(name.slice(0, -".ics".length));
  if (!result.ok) return respond(result);
  return new Response(result.value.body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${result.value.filename.replace(/[^\x20-\x7e]|"/g, "_")}"`,
      // A revoked feed must stop at once: no cache may keep it.
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
