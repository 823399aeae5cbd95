import { z } from "zod";
import type { BoardFile } from "../io/boardFile";
import { CSV_FIELDS } from "../io/csvFields";

/**
 * Import and export over HTTP (docs/import-export.md, README "Import and export"):
 *   GET  /api/boards/<id>/export?format=csv|json|mspdi|ics     every member
 *   POST /api/boards/import?format=csv|json|mspdi              any signed-in person: a new board
 *   POST /api/boards/import?format=…&into=<boardId>            editors and owners: into that board
 * The body is the file itself. Options in the query: `dryRun=1` checks and previews without
 * writing; `apply=0` (into a board) hands the checked file back instead of writing it; CSV takes `mapping` (one field or "-" per column, comma-separated; guessed when
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
  /**
   * Into an existing board only. "0": the server checks the file and takes the automatic version,
   * then hands the checked file back for the caller to write as its own change (one undo step
   * for the importer, as the app does); default: the server writes it.
   */
  apply: z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true").optional(),
  mapping: mappingSchema.optional(),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  summaries: z.enum(["phases", "lanes"]).optional(),
  title: z.string().trim().min(1).max(200).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const exportQuerySchema = z.strictObject({ format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}, pdf, png` }) });

/**
 * The timeline as a picture (docs/import-export.md, "PDF and PNG"):
 *   GET /api/boards/<id>/export?format=pdf|png&range=all|<from>..<to>&paper=a4|a3   every member
 * `range` is the whole horizon or the days on screen (both inclusive, at most RENDER_MAX_RANGE_DAYS).
 */
export const RENDER_FORMATS = ["pdf", "png"] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const PAPERS = ["a4", "a3"] as const;
export type PaperSize = (typeof PAPERS)[number];
/** Boards with more items than this are refused (422): the work of a render grows with them. */
export const RENDER_MAX_ITEMS = 5_000;
/** Pages at most: a PDF stays a document, a PNG (pages one under another) an image. */
export const RENDER_MAX_PAGES: Record<RenderFormat, number> = { pdf: 100, png: 12 };
/** Ten years: a range past it is no one's screen. */
export const RENDER_MAX_RANGE_DAYS = 3_660;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
const validDay = (s: string) => isoDay.test(s) && !Number.isNaN(dayNumber(s)) && new Date(dayNumber(s) * 86_400_000).toISOString().slice(0, 10) === s;

export const renderRangeSchema = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    if (value === "all") return "all" as const;
    const [from, to, extra] = value.split("..");
    if (extra !== undefined || !from || !to || !validDay(from) || !validDay(to)) {
      ctx.addIssue({ code: "custom", message: "range must be all or <from>..<to> with ISO dates (2027-01-04..2027-03-31)" });
      return z.NEVER;
    }
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days < 1 || days > RENDER_MAX_RANGE_DAYS) {
      ctx.addIssue({ code: "custom", message: `range must run forwards, at most ${RENDER_MAX_RANGE_DAYS} days` });
      return z.NEVER;
    }
    return { from, to };
  });

export const renderQuerySchema = z.strictObject({
  format: z.enum(RENDER_FORMATS),
  range: renderRangeSchema.optional(),
  paper: z.enum(PAPERS, { error: "paper must be a4 or a3" }).optional(),
});
export type RenderQuery = z.infer<typeof renderQuerySchema>;

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
  /** With `apply=0`: the checked file, for the caller to write (lib/io/boardFile.ts writeBoardFile, mode "into"). */
  file?: BoardFile;
}
