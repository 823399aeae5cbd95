"use client";

// Before anything that builds a zod schema (the import's checks run here): see zodWithoutEval.
import "../collab/zodWithoutEval";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, type DragEvent } from "react";
import type * as Y from "yjs";
import { parseBoardFile, writeBoardFile } from "../../lib/io/boardFile";
import type { CommandOrigin } from "../../lib/model/origin";
import { localeDateOrder, type DateOrder } from "../../lib/io/csvDates";
import type { CsvMapping } from "../../lib/io/csvImport";
import type { SummaryAs } from "../../lib/io/mspdiImport";
import { IMPORT_FORMATS, type ImportFormat, type ImportOutcome, type ImportRowError } from "../../lib/protocol/importExport";
import { Dialog } from "../ui/Dialog";
import { CsvMappingTable } from "./CsvMappingTable";
import { announceImported, importedMessage } from "./importedNotice";
import { ImportPreviewBoard } from "./ImportPreviewBoard";
import { FORMAT_LABELS, formatFromName, importUrl, previewImport, readColumns, sizeRefusal, type CsvColumns, type ImportChoices, type ImportPreview } from "./importPlan";
import { ImportProblems } from "./ImportProblems";
import { FormError } from "../ui/FormError";

interface ImportDialogProps {
  /**
   * Into this board: its live document (for the preview, and written with the person's own
   * origin so one Undo takes the import back); null for a new board.
   */
  into: { boardId: string; doc: Y.Doc; origin: CommandOrigin } | null;
  onClose: () => void;
}

const field = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

/**
 * Import a CSV, Waymark JSON or MS Project XML file, as a new board or into the open one. The
 * file is read and previewed here with the server's own code before anything is written; the
 * server checks again, and its refusal is shown the same way. Nothing is written on cancel.
 */
export function ImportDialog({ into, onClose }: ImportDialogProps) {
  const router = useRouter();
  const ids = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [format, setFormat] = useState<ImportFormat>("csv");
  // The browser's locale decides until the person says otherwise (the dialog is drawn in the browser only).
  const [dateOrder, setDateOrder] = useState<DateOrder>(() => (typeof navigator === "undefined" ? "dmy" : localeDateOrder(navigator.language)));
  const [summaries, setSummaries] = useState<SummaryAs>("phases");
  const [title, setTitle] = useState("");
  const [preview, setPreview] = useState<(ImportPreview & { key: string }) | null>(null);
  const [progress, setProgress] = useState<{ done: number; stage: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [sending, setSending] = useState(false);
  // The server's refusal, for the choices it was given: a changed choice makes a new preview.
  const [refusal, setRefusal] = useState<{ key: string; errors: ImportRowError[] | null; message: string } | null>(null);


  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setPreview(null);
    setText(null);
    setRefusal(null);
    setFileName(chosen.name);
    // Refused before a byte is read: the server would refuse it too.
    const refusal = sizeRefusal(chosen.size);
    setFileError(refusal);
    if (refusal) return setFile(null);
    setFile(chosen);
    setFormat(formatFromName(chosen.name) ?? "csv");
    if (!into) setTitle(chosen.name.replace(/\.[^.]*$/, "").replace(/\.waymark$/, "").slice(0, 200));
    setProgress({ done: 0.05, stage: "Opening the file" });
    setText(await chosen.text());
  }

  // The CSV's columns, read once per file: the mapping starts from the guesses, until the person changes one.
  const csvRead = useMemo(() => (text !== null && format === "csv" ? readColumns(text) : null), [text, format]);
  const csv = csvRead?.ok ? csvRead : null;
  const [chosenMapping, setChosenMapping] = useState<{ columns: CsvColumns; mapping: CsvMapping } | null>(null);
  const mapping = csv ? (chosenMapping?.columns === csv.columns ? chosenMapping.mapping : csv.columns.guessed) : [];
  const setMapping = (next: CsvMapping) => csv && setChosenMapping({ columns: csv.columns, mapping: next });

  // The preview, again on every change of a choice; only the latest is shown.
  const choices: ImportChoices = { format, mapping, dateOrder, summaries };
  const choicesKey = JSON.stringify(choices);
  useEffect(() => {
    if (text === null || (format === "csv" && !csvRead)) return;
    let stale = false;
    const done = (result: ImportPreview) => {
      if (stale) return;
      setPreview({ ...result, key: choicesKey });
      setProgress(null);
    };
    if (csvRead && !csvRead.ok) {
      void Promise.resolve().then(() => done({ errors: [{ message: csvRead.error }], warnings: [], counts: null, snapshot: null }));
    } else {
      void previewImport(text, JSON.parse(choicesKey) as ImportChoices, {
        table: csvRead?.ok ? csvRead.table : undefined,
        current: into?.doc ?? null,
        progress: (fraction, stage) => !stale && setProgress({ done: fraction, stage }),
      }).then(done);
    }
    return () => {
      stale = true;
    };
  }, [text, csvRead, choicesKey, format, into]);

  async function submit() {
    if (!file || !current?.snapshot) return;
    setSending(true);
    setRefusal(null);
    let response: Response;
    try {
      // Into this board: the server checks the file and takes its version, this page writes it (apply=0).
      const url = importUrl(choices, into?.boardId ?? null) + (into ? "&apply=0" : title.trim() ? `&title=${encodeURIComponent(title.trim())}` : "");
      response = await fetch(url, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
    } catch {
      setSending(false);
      return setRefusal({ key: choicesKey, errors: null, message: "Could not reach the server. Check your connection and try again." });
    }
    const body = (await response.json().catch(() => ({}))) as Partial<ImportOutcome> & { error?: string };
    if (response.ok && !into && body.written && body.boardId) return router.push(`/boards/${body.boardId}`);
    if (response.ok && into && body.file !== undefined) {
      // The server's checked file, checked again here (it is written into the live board).
      const checked = parseBoardFile(body.file);
      if (checked.ok) {
        const counts = writeBoardFile(into.doc, into.origin, checked.file, { mode: "into" });
        announceImported({ boardId: into.boardId, message: importedMessage(counts), versionId: body.versionId ?? null, undoable: true });
        return onClose();
      }
    }
    setSending(false);
    setRefusal({ key: choicesKey, errors: body.errors?.length ? body.errors : null, message: body.error ?? `The import failed (HTTP ${response.status}).` });
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void choose(e.dataTransfer.files[0]);
  };
  const current = preview?.key === choicesKey ? preview : null;
  const refused = refusal?.key === choicesKey ? refusal : null;
  const serverErrors = refused?.errors ?? null;
  const serverMessage = refused?.message ?? null;
  const errors = serverErrors ?? current?.errors ?? [];
  const ready = current?.snapshot != null && errors.length === 0 && progress === null && !sending;

  return (
    <Dialog
      open
      onClose={onClose}
      title={into ? "Import into this board" : "Import a roadmap"}
      description={
        into
          ? "Adds the file's items to this board in one change everyone sees; a version of the board as it is now is kept first."
          : "A CSV (from a spreadsheet, Jira, Linear, Asana or Azure DevOps), a Waymark JSON export, or an MS Project XML file."
      }
      width="max-w-4xl"
      testId="import-dialog"
    >
      <div className="flex flex-col gap-4">
        <label
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-drop"
          className={`flex cursor-pointer flex-col items-center gap-1 rounded-xl border-2 border-dashed px-4 py-5 text-center text-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 ${
            dragging ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-500/10" : "border-slate-300 dark:border-slate-600"
          }`}
        >
          <span className="font-medium">{fileName ?? "Choose a file, or drop it here"}</span>
          <span className="text-xs text-slate-600 dark:text-slate-400">.csv, .json or .xml (MS Project), up to 20 MB</span>
          <input type="file" accept=".csv,.tsv,.txt,.json,.xml,.mspdi,text/csv,application/json,application/xml" className="sr-only" aria-label="File to import" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
        <FormError message={fileError} />
        {file && (
          <div className="flex flex-wrap items-end gap-4 text-sm">
            <label className="flex flex-col gap-1">
              <span className="font-medium">Format</span>
              <select value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)} className={field} id={`${ids}-format`}>
                {IMPORT_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
            </label>
            {format === "csv" && (
              <label className="flex flex-col gap-1">
                <span className="font-medium">Dates like 03/04/2027 are</span>
                <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)} className={field}>
                  <option value="dmy">day/month/year (3 April)</option>
                  <option value="mdy">month/day/year (March 4)</option>
                </select>
              </label>
            )}
            {format === "mspdi" && (
              <label className="flex flex-col gap-1">
                <span className="font-medium">Summary tasks become</span>
                <select value={summaries} onChange={(e) => setSummaries(e.target.value as SummaryAs)} className={field}>
                  <option value="phases">Phases</option>
                  <option value="lanes">Lanes</option>
                </select>
              </label>
            )}
            {!into && (
              <label className="flex min-w-48 flex-1 flex-col gap-1">
                <span className="font-medium">Title of the new board</span>
                <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} className={field} />
              </label>
            )}
          </div>
        )}
        {format === "csv" && csv && (
          <details open className="rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-700">
            <summary className="cursor-pointer text-sm font-medium">
              Columns ({csv.columns.headers.length}) · {csv.columns.rowCount.toLocaleString()} rows
            </summary>
            <div className="mt-2 max-h-64 overflow-y-auto">
              <CsvMappingTable columns={csv.columns} mapping={mapping} onChange={setMapping} />
            </div>
          </details>
        )}
        {progress && (
          <div className="flex items-center gap-3 text-sm" data-testid="import-progress">
            <progress value={progress.done} max={1} aria-label="Preparing the preview" className="h-2 w-48" />
            <span aria-live="polite">{progress.stage}…</span>
          </div>
        )}
        {current && !progress && <ImportProblems errors={errors} warnings={current.warnings} counts={current.counts} serverMessage={serverMessage} refusedByServer={serverErrors !== null} />}
        {!serverErrors && current?.snapshot && !progress && <ImportPreviewBoard snapshot={current.snapshot} />}
        {!serverErrors && <FormError message={serverMessage} />}
        {/* Stays in view at the dialog's foot however long the mapping and the preview are. */}
        <div className="sticky bottom-0 -mx-5 -mb-4 flex justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3 dark:border-slate-800 dark:bg-slate-900">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button
            type="button"
            disabled={!ready}
            onClick={() => void submit()}
            data-testid="import-submit"
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
          >
            {sending ? "Importing…" : into ? "Import into this board" : "Import as a new board"}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
