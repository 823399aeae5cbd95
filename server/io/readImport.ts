import * as Y from "yjs";
import { parseBoardFile, writeBoardFile, type BoardFile } from "../../lib/io/boardFile";
import { csvToBoardFile, guessMapping, readCsv } from "../../lib/io/csvImport";
import { mspdiToBoardFile } from "../../lib/io/mspdiImport";
import { createOrigin } from "../../lib/model/origin";
import type { ImportCounts, ImportQuery, ImportRowError } from "../../lib/protocol/importExport";

export interface ReadImport {
  /** The checked board file, or null when there is any error (or when `board` holds it written). */
  file: BoardFile | null;
  errors: ImportRowError[];
  warnings: string[];
  /** For a new board (readImportAsNewBoard): its first state, written, instead of the file. */
  board?: NewBoard;
}

export interface NewBoard {
  /** The document's whole state, as storage keeps a new board's. */
  update: Uint8Array;
  title: string;
  counts: ImportCounts;
}

export const countsOf = (file: BoardFile): ImportCounts => ({
  lanes: file.lanes.length,
  phases: file.phases.length,
  items: file.items.length,
  dependencies: file.dependencies.length,
  milestones: file.milestones.length,
});

/**
 * The file as a new board's first state: read and checked (readImport), then written into a
 * fresh document with the importer as its origin, and encoded. On the import thread, so the
 * event loop only stores the bytes; the file itself is not copied back.
 */
export function readImportAsNewBoard(query: ImportQuery, text: string, actor: string): ReadImport {
  const read = readImport(query, text);
  if (!read.file) return read;
  const file = read.file;
  if (query.title) file.board.title = query.title;
  const doc = new Y.Doc();
  try {
    writeBoardFile(doc, createOrigin("import", actor), file, { mode: "new" });
    return { file: null, errors: [], warnings: read.warnings, board: { update: Y.encodeStateAsUpdate(doc), title: file.board.title, counts: countsOf(file) } };
  } finally {
    doc.destroy();
  }
}

/**
 * The file of an import request as a checked board file, or what is wrong with it
 * (docs/import-export.md): the importer of its format, then the whole-file check every import
 * passes (records, references, duplicates, cycles). Pure and synchronous: the server runs it on
 * an import thread (importThreads.ts) so a big file never stops the event loop.
 */
export function readImport(query: ImportQuery, text: string, settings?: BoardFile["board"]): ReadImport {
  if (query.format === "json") {
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return { file: null, errors: [{ message: "The file is not JSON (a Waymark JSON export is)." }], warnings: [] };
    }
    const parsed = parseBoardFile(raw);
    return parsed.ok ? { file: parsed.file, errors: [], warnings: [] } : { file: null, errors: parsed.errors.map((message) => ({ message })), warnings: [] };
  }
  let file: BoardFile;
  let warnings: string[];
  if (query.format === "mspdi") {
    const read = mspdiToBoardFile(text, { summaryAs: query.summaries ?? "phases", ...(query.title ? { title: query.title } : {}) });
    if (!read.ok) return { file: null, errors: read.errors.map((message) => ({ message })), warnings: [] };
    ({ file, warnings } = read.result);
  } else {
    const table = readCsv(text);
    if (!table.ok) return { file: null, errors: [{ message: table.error }], warnings: [] };
    const mapping = query.mapping ?? guessMapping(table.headers);
    if (mapping.length > table.headers.length) return { file: null, errors: [{ message: `The mapping names ${mapping.length} columns; the file has ${table.headers.length}.` }], warnings: [] };
    const converted = csvToBoardFile(table.headers, table.rows, {
      mapping,
      dateOrder: query.dateOrder ?? "dmy",
      ...(settings ? { settings } : {}),
      ...(query.title ? { title: query.title } : {}),
    });
    if (converted.errors.length) return { file: null, errors: converted.errors.slice(0, 200), warnings: converted.warnings };
    ({ file, warnings } = converted);
  }
  // Whatever an importer made is checked like a Waymark file: references, duplicates, cycles.
  const checked = parseBoardFile(JSON.parse(JSON.stringify(file)));
  return checked.ok ? { file: checked.file, errors: [], warnings } : { file: null, errors: checked.errors.map((message) => ({ message })), warnings };
}
