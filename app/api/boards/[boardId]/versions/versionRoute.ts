import { z } from "zod";
import { parseParam } from "../../../../_http/respond";

/** Version bodies are a name and a note: anything longer is not one. */
export const VERSION_BODY_LIMIT = 8 * 1024;

const versionIdSchema = z.string().regex(/^v-[0-9a-f-]{36}$/);

/** The version id of a route, or a 404 for junk that cannot name a version. */
export async function versionParam(params: Promise<{ versionId: string }>): Promise<string | Response> {
  return parseParam((await params).versionId, versionIdSchema);
}
