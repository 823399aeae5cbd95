import { deriveBoard } from "../../lib/derive/deriveBoard";
import { exportBoardFile, writeBoardFile } from "../../lib/io/boardFile";
import { boardToCsv } from "../../lib/io/csvExport";
import { boardToMspdi } from "../../lib/io/mspdiExport";
import { milestonesToIcs } from "../../lib/io/icsFeed";
import { date } from "../../lib/model/dates";
import { newBoardId, type BoardId, type UserId } from "../../lib/model/ids";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { readSnapshot } from "../../lib/model/snapshot";
import type { AppServices } from "../../lib/protocol/appServices";
import type { ExportFormat, ImportOutcome, ImportRowError } from "../../lib/protocol/importExport";
import { ImportThreadError, ImportThreads } from "../io/importThreads";
import { countsOf } from "../io/readImport";
import { renderTimeline } from "../render/renderTimeline";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { laneRestriction, readLaneRules } from "../sync/laneRules";
import type { Storage } from "../storage/storage";
import { VersionLimits } from "../history/versionLimits";
import { boardNotFound, fail } from "./serviceErrors";
import type { WithLiveBoard } from "./versionServices";

/**
 * Import and export (docs/import-export.md). Every format goes through one board file
 * (lib/io/boardFile.ts): importers produce one, it is checked whole (records, references,
 * cycles), and only a file without errors is written, in one transaction; an import into an
 * existing board takes an automatic version first. Exports read the live board.
 */
export type ImportExportServices = Pick<AppServices, "exportBoard" | "importBoard" | "renderBoard">;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  mspdi: "application/xml; charset=utf-8",
  ics: "text/calendar; charset=utf-8",
};
const EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", json: "waymark.json", mspdi: "xml", ics: "ics" };

/** The board's title as a file name: letters, digits and a few marks, never a path. */
const fileName = (title: string) => (title.replace(/[^\p{L}\p{N} _.-]+/gu, "").trim() || "roadmap").slice(0, 80);

export function importExportServices(deps: {
  storage: Storage;
  roleOf: (actor: UserId, boardId: BoardId) => Promise<Role | null>;
  withLiveBoard: WithLiveBoard;
  now: () => Date;
  /** Where files are read (server/io/importThreads.ts); the process's shared threads by default. */
  importThreads?: ImportThreads;
}): ImportExportServices {
  const { storage, roleOf, withLiveBoard, now } = deps;
  const threads = deps.importThreads ?? sharedImportThreads();
  const limits = new VersionLimits();

  const refused = (errors: ImportRowError[], warnings: string[], boardId: string | null): ImportOutcome => ({
    written: false,
    boardId,
    counts: { lanes: 0, phases: 0, items: 0, dependencies: 0, milestones: 0 },
    warnings,
    errors,
    versionId: null,
  });

  return {
    async exportBoard(actor, boardId, format) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const board = await storage.getBoard(boardId);
      if (!board) return boardNotFound();
      const exportedAt = now().toISOString();
      const body = await withLiveBoard(boardId, (live) => {
        if (format === "json") return JSON.stringify(exportBoardFile(live.doc, exportedAt), null, 2);
        const snapshot = readSnapshot(live.doc);
        // A one-off download of the milestones; the subscribe URL (calendar feeds) keeps calendars current.
        if (format === "ics") return milestonesToIcs({ boardId, boardTitle: snapshot.board.title, milestones: snapshot.milestones, now: now() });
        const derived = deriveBoard(snapshot, { today: date(exportedAt.slice(0, 10)) });
        return format === "csv" ? boardToCsv(snapshot, derived) : boardToMspdi(snapshot, derived);
      });
      return ok({ body, contentType: CONTENT_TYPES[format], filename: `${fileName(board.title)}.${EXTENSIONS[format]}` });
    },

    async renderBoard(actor, boardId, query) {
      if (!(await roleOf(actor, boardId))) return boardNotFound();
      const board = await storage.getBoard(boardId);
      if (!board) return boardNotFound();
      // A render is seconds of CPU on a big board: a person in a loop must not starve the others.
      if (!limits.take(actor, "render")) return fail("too-many", "That was a lot of exports at once: wait a minute and try again.");
      const exportedAt = now();
      const snapshot = await withLiveBoard(boardId, (live) => readSnapshot(live.doc));
      const rendered = await renderTimeline(snapshot, { format: query.format, paper: query.paper ?? "a4", range: query.range ?? "all", exportedAt });
      if (!rendered.ok) return fail("invalid", rendered.error);
      const { body, contentType, pages } = rendered.value;
      return ok({ body, contentType, pages, filename: `${fileName(board.title)}.${query.format}` });
    },

    async importBoard(actor, query, text) {
      if (!(await storage.getUser(actor))) return fail("unauthorized", "sign in to import");
      let intoRole: Role | null = null;
      if (query.into !== undefined) {
        intoRole = await roleOf(actor, query.into as BoardId);
        if (!intoRole) return boardNotFound();
        if (!canEditRoadmap(intoRole)) return fail("forbidden", "Only editors and owners can import into this board.");
        // An import writes into every lane; where lanes have owners, only board owners may (docs/teams.md).
        if (laneRestriction(await readLaneRules(storage, query.into as BoardId), intoRole, actor))
          return fail("forbidden", "Lanes on this board have owners: only board owners import into it.");
      }
      if (!limits.take(actor, "import")) return fail("too-many", "That was a lot of imports at once: wait a minute and try again.");
      const into = query.into as BoardId | undefined;
      const settings = into ? await withLiveBoard(into, (live) => readSnapshot(live.doc).board) : undefined;
      let read;
      try {
        // Parsing and checking run on an import thread: a big file never stops the sync server.
        // A new board is written there too: the event loop only stores its bytes.
        read = await threads.read(query, text, settings, !into && !query.dryRun ? { newBoardBy: actor } : {});
      } catch (error) {
        if (!(error instanceof ImportThreadError)) throw error;
        if (error.kind === "busy") return fail("too-many", error.message);
        return ok(refused([{ message: error.message }], [], into ?? null));
      }
      const { file, errors, warnings, board: made } = read;
      if (made) {
        const board = await storage.createOwnedBoard({ id: newBoardId(), title: made.title || "Imported roadmap", ownerId: actor }, made.update);
        return ok({ written: true, boardId: board.id, counts: made.counts, warnings, errors: [], versionId: null });
      }
      if (!file) return ok(refused(errors, warnings, into ?? null));
      if (query.dryRun) return ok({ written: false, boardId: into ?? null, counts: countsOf(file), warnings, errors: [], versionId: null });
      const origin = createOrigin("import", actor);
      // A new board came back written (above); what is left is an import into one.
      if (!into) return ok(refused([{ message: "The file could not be written as a new board. Nothing was written." }], warnings, null));
      if (query.apply === false) {
        // The caller writes it as its own change; the version is taken now, before it can.
        const version = await withLiveBoard(into, (live) => live.versions.take("import", actor));
        return ok({ written: false, boardId: into, counts: countsOf(file), warnings, errors: [], versionId: version?.id ?? null, file });
      }
      const outcome = await withLiveBoard(into, async (live) => {
        // The board as it was, kept before anything is written (docs/history.md).
        const version = await live.versions.take("import", actor);
        const counts = writeBoardFile(live.doc, origin, file, { mode: "into" });
        return { counts, versionId: version?.id ?? null };
      });
      return ok({ written: true, boardId: into, counts: outcome.counts, warnings, errors: [], versionId: outcome.versionId });
    },
  };
}

let shared: ImportThreads | null = null;
/** One set of import threads per process: the bound holds however many servers share it (tests). */
function sharedImportThreads(): ImportThreads {
  return (shared ??= new ImportThreads());
}
