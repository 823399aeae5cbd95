import { z } from "zod";
import { CSV_FIELDS } from "../io/csvFields";

/**
 * Import and export over HTTP (docs/import-export.md, README "Import and export"):
 *   GET  /api/boards/<id>/export?format=csv|json|mspdi|ics     every member
 *   POST /api/boards/import?format=csv|json|mspdi              any signed-in person: a new board
 *   POST /api/boards/import?format=…&into=<boardId>            editors and owners: into that board
 * The body is the file itself. Options in the query: `dryRun=1` checks and previews without
 * writing; CSV takes `mapping` (one field or "-" per column, comma-separated; guessed when
 * absent) and `dateOrder` (dmy or mdy); MSPDI takes `summaries` (phases or lanes); a new board
 * may take a `title`. A file with any error is refused whole (422 with each row's error).
 */
export const EXPORT_FORMATS = ["csv", "json", "mspdi", "ics"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ["csv", "json", "mspdi"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The largest file an import reads: far past a 20,000-row plan, short of what would hurt the server. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const mappingSchema = z
  .string()
  .max(4_000)
  .transform((s) => s.split(",").map((f) => f.trim()))
  .pipe(z.array(z.union([z.enum(CSV_FIELDS), z.literal("-"), z.literal("")]).transform((f) => (f === "-" || f === "" ? null : f))).max(200));

export const importQuerySchema = z.strictObject({
  format: z.enum(IMPORT_FORMATS, { error: `format must be one of ${IMPORT_FORMATS.join(", ")}` }),
  into: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  dryRun: z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true").optional(),
  mapping: mappingSchema.optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  summaries: z.enum(["phases", "lanes"]).optional(),
  title: z.string().trim().min(1).max(200).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const exportQuerySchema = z.strictObject({ format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }) });

export interface ImportRowError {
  /** The file's row (CSV: spreadsheet row, the header being 1); absent for a problem of the whole file. */
  row?: number;
  message: string;
}

export interface ImportCounts {
  lanes: number;
  phases: number;
  items: number;
  dependencies: number;
  milestones: number;
}

/** What an import answers: written (201, or 200 for a dry run) or refused (422 with `errors`). */
export interface ImportOutcome {
  written: boolean;
  /** The new board's id, or the board written into. */
  boardId: string | null;
  counts: ImportCounts;
  warnings: string[];
  errors: ImportRowError[];
  /** The id of the automatic version taken before an import into an existing board. */
  versionId: string | null;
}
