import { z } from "zod";
import type { BoardComparison } from "../../../lib/history/types";
import { boardSettingsSchema, dependencySchema, itemSchema, laneSchema, milestoneSchema, phaseSchema } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { apiRequest, type ApiResult } from "../../ui/apiRequest";

/**
 * The board's versions, baseline and comparisons over HTTP (the routes in the README's API
 * section). Every answer is parsed before the UI draws it: a version's snapshot is a whole
 * board, and a stale or broken answer must fail here with a sentence, not deep in a bar.
 */
export const versionSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  note: z.string().nullable(),
  kind: z.enum(["named", "auto"]),
  reason: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Version = z.infer<typeof versionSchema>;

const versionListSchema = z.object({ versions: z.array(versionSchema), baselineId: z.string().nullable() });
export type VersionList = z.infer<typeof versionListSchema>;

/** readSnapshot's shape, each record through its own schema (problems are the reader's notes, kept as given). */
const snapshotSchema = z.object({
  board: boardSettingsSchema,
  lanes: z.array(laneSchema),
  phases: z.array(phaseSchema),
  items: z.array(itemSchema),
  dependencies: z.array(dependencySchema),
  milestones: z.array(milestoneSchema),
  problems: z.array(z.unknown()).default([]),
});

const comparisonSchema = z.object({
  comparison: z.object({
    items: z.array(z.object({ itemId: z.string(), change: z.enum(["added", "removed", "changed"]) }).loose()),
    milestones: z.array(z.object({ milestoneId: z.string() }).loose()),
    lanes: z.array(z.object({ id: z.string() }).loose()),
    phases: z.array(z.object({ id: z.string() }).loose()),
    boardFinish: z.object({ before: z.string().nullable(), after: z.string().nullable(), shift: z.number().nullable() }),
    releases: z.array(z.object({ milestoneId: z.string() }).loose()),
  }),
});

/** "now" stands for the board as it is; anything else is a version id. */
export type CompareEnd = string;
export const NOW: CompareEnd = "now";

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

function parsed<T>(result: ApiResult<unknown>, schema: z.ZodType<T>, what: string): ApiResult<T> {
  if (!result.ok) return result;
  const out = schema.safeParse(result.value);
  return out.success
    ? { ok: true, status: result.status, value: out.data }
    : { ok: false, status: result.status, error: `The server sent ${what} this page cannot read. Reload the page and try again.` };
}

export async function fetchVersions(boardId: string): Promise<ApiResult<VersionList>> {
  return parsed(await apiRequest("GET", `${base(boardId)}/versions`), versionListSchema, "a list of versions");
}

export async function fetchVersionSnapshot(boardId: string, versionId: string): Promise<ApiResult<BoardSnapshot>> {
  const result = parsed(await apiRequest("GET", `${base(boardId)}/versions/${encodeURIComponent(versionId)}`), z.object({ snapshot: snapshotSchema }), "a version");
  return result.ok ? { ...result, value: result.value.snapshot as BoardSnapshot } : result;
}

export async function fetchComparison(boardId: string, from: CompareEnd, to: CompareEnd): Promise<ApiResult<BoardComparison>> {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const result = parsed(await apiRequest("GET", `${base(boardId)}/compare?${query}`), comparisonSchema, "a comparison");
  // The outer shape is checked; the entries are lib/history's own output, passed through.
  return result.ok ? { ...result, value: result.value.comparison as unknown as BoardComparison } : result;
}

export async function putBaseline(boardId: string, versionId: string | null): Promise<ApiResult<{ baselineId: string | null }>> {
  return parsed(await apiRequest("PUT", `${base(boardId)}/baseline`, { versionId }), z.object({ baselineId: z.string().nullable() }), "an answer");
}
