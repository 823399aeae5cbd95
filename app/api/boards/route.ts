import { connection } from "next/server";
import { appServices, type AppServices } from "../../../lib/protocol/appServices";
import { describeIssues } from "../../../lib/model/issues";
import { createBoardInputSchema } from "./createBoardInput";

/** Services exist only inside the running Waymark server; a bare `next start` gets a clear 503. */
function services(): AppServices | Response {
  try {
    return appServices();
  } catch (error) {
    return Response.json({ error: error instanceof Error ? error.message : "services unavailable" }, { status: 503 });
  }
}

export async function GET(): Promise<Response> {
  await connection();
  const s = services();
  if (s instanceof Response) return s;
  return Response.json({ boards: await s.listBoards() });
}

export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json({ error: 'body must be JSON, e.g. {"title": "My roadmap"}' }, { status: 422 });
  }
  const input = createBoardInputSchema.safeParse(body);
  if (!input.success) return Response.json({ error: describeIssues(input.error) }, { status: 422 });
  const s = services();
  if (s instanceof Response) return s;
  const board = await s.createBoard(input.data);
  return Response.json({ board }, { status: 201, headers: { Location: `/boards/${board.id}` } });
}
