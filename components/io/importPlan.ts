import * as Y from "yjs";
import { parseBoardFile, writeBoardFile, type BoardFile } from "../../lib/io/boardFile";
import { csvToBoardFile, guessMapping, readCsv, type CsvMapping } from "../../lib/io/csvImport";
import type { DateOrder } from "../../lib/io/csvDates";
import { mspdiToBoardFile, type SummaryAs } from "../../lib/io/mspdiImport";
import { createOrigin } from "../../lib/model/origin";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { IMPORT_MAX_BYTES, type ImportCounts, type ImportFormat, type ImportRowError } from "../../lib/protocol/importExport";

/**
 * The import dialog's work, apart from its looks: the format a file's name says, the size check
 * before anything is read, and the preview — the same lib code the server runs (readCsv,
 * csvToBoardFile / mspdiToBoardFile / parseBoardFile, then writeBoardFile into a scratch
 * Y.Doc), so what the person sees is what the server will write, and its errors are the
 * server's errors. The server checks everything again.
 */

export const FORMAT_LABELS: Record<ImportFormat, string> = { csv: "CSV (spreadsheet, Jira, Linear, Asana, Azure DevOps)", json: "Waymark JSON", mspdi: "MS Project XML" };

/** The format a file's name says (.csv, .json, .xml / .mspdi), or null when it says none. */
export function formatFromName(name: string): ImportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "tsv" || ext === "txt") return "csv";
  if (ext === "json") return "json";
  if (ext === "xml" || ext === "mspdi") return "mspdi";
  return null;
}

/** Why a file is refused before it is read, or null: nothing past the server's limit is read here either. */
export function sizeRefusal(size: number): string | null {
  if (size > IMPORT_MAX_BYTES) return `The file is ${(size / 1024 / 1024).toFixed(1)} MB; Waymark imports files up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`;
  if (size === 0) return "The file is empty.";
  return null;
}

/** The person's choices, sent to the server as the import's query. */
export interface ImportChoices {
  format: ImportFormat;
  /** CSV: one field (or null, ignored) per column. */
  mapping?: CsvMapping;
  dateOrder?: DateOrder;
  /** MSPDI: what top-level summary tasks become. */
  summaries?: SummaryAs;
}

/** The import's URL: the same options the preview used (lib/protocol/importExport.ts). */
export function importUrl(choices: ImportChoices, into: string | null, dryRun = false): string {
  const query = new URLSearchParams({ format: choices.format });
  if (into) query.set("into", into);
  if (dryRun) query.set("dryRun", "1");
  if (choices.format === "csv") {
    if (choices.mapping) query.set("mapping", choices.mapping.map((f) => f ?? "-").join(","));
    if (choices.dateOrder) query.set("dateOrder", choices.dateOrder);
  }
  if (choices.format === "mspdi" && choices.summaries) query.set("summaries", choices.summaries);
  return `/api/boards/import?${query.toString()}`;
}

/** A CSV's columns, for the mapping step: header, the first values, the guessed field. */
export interface CsvColumns {
  headers: string[];
  samples: string[][];
  guessed: CsvMapping;
  rowCount: number;
}

export type CsvTable = { headers: string[]; rows: string[][] };

export function readColumns(text: string): { ok: true; table: CsvTable; columns: CsvColumns } | { ok: false; error: string } {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, error: read.error };
  const { headers, rows } = read;
  return {
    ok: true,
    table: { headers, rows },
    columns: { headers, samples: headers.map((_, i) => rows.slice(0, 3).map((r) => r[i] ?? "").filter((v) => v.trim() !== "")), guessed: guessMapping(headers), rowCount: rows.length },
  };
}

export interface ImportPreview {
  errors: ImportRowError[];
  warnings: string[];
  counts: ImportCounts | null;
  /** The board as it will look after the import; null when the file has errors. */
  snapshot: BoardSnapshot | null;
}

/** Gives the page a turn between the stages, so a large file's preview never freezes it. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const MAX_SHOWN_ERRORS = 200;

/**
 * The preview: the file through the server's own steps, written into a scratch document (a copy
 * of the current board for an import into it), read back as a snapshot. `progress` is told the
 * stage (0..1) between stages.
 */
export async function previewImport(
  text: string,
  choices: ImportChoices,
  options: { table?: CsvTable; current?: Y.Doc | null; progress?: (done: number, stage: string) => void },
): Promise<ImportPreview> {
  const progress = options.progress ?? (() => {});
  const current = options.current ?? null;
  const refused = (errors: ImportRowError[], warnings: string[] = []): ImportPreview => ({ errors: errors.slice(0, MAX_SHOWN_ERRORS), warnings, counts: null, snapshot: null });
  progress(0.1, "Reading the file");
  await breathe();
  let file: BoardFile;
  let warnings: string[] = [];
  if (choices.format === "json") {
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return refused([{ message: "The file is not JSON (a Waymark JSON export is)." }]);
    }
    const parsed = parseBoardFile(raw);
    if (!parsed.ok) return refused(parsed.errors.map((message) => ({ message })));
    file = parsed.file;
  } else if (choices.format === "mspdi") {
    const read = mspdiToBoardFile(text, { summaryAs: choices.summaries ?? "phases" });
    if (!read.ok) return refused(read.errors.map((message) => ({ message })));
    ({ file, warnings } = read.result);
  } else {
    let table = options.table;
    if (!table) {
      const read = readCsv(text);
      if (!read.ok) return refused([{ message: read.error }]);
      table = read;
    }
    progress(0.3, `Reading ${table.rows.length.toLocaleString()} rows`);
    await breathe();
    const mapping = choices.mapping ?? guessMapping(table.headers);
    const settings = current ? readSnapshot(current).board : undefined;
    const converted = csvToBoardFile(table.headers, table.rows, { mapping, dateOrder: choices.dateOrder ?? "dmy", ...(settings ? { settings } : {}) });
    if (converted.errors.length) return refused(converted.errors, converted.warnings);
    ({ file, warnings } = converted);
  }
  progress(0.55, "Checking links and references");
  await breathe();
  // As on the server: whatever an importer made is checked like a Waymark file.
  const checked = parseBoardFile(JSON.parse(JSON.stringify(file)));
  if (!checked.ok) return refused(checked.errors.map((message) => ({ message })), warnings);
  progress(0.75, "Drawing the preview");
  await breathe();
  const scratch = new Y.Doc();
  try {
    if (current) Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current));
    const origin = createOrigin("import", "preview");
    const counts = writeBoardFile(scratch, origin, checked.file, { mode: current ? "into" : "new" });
    const snapshot = readSnapshot(scratch);
    progress(1, "Ready");
    return { errors: [], warnings, counts, snapshot };
  } finally {
    scratch.destroy();
  }
}

/** An error as a line: "Row 14: Start 31/02/2027 is not a date". */
export function errorLine(error: ImportRowError): string {
  return error.row === undefined ? error.message : `Row ${error.row}: ${error.message}`;
}
