"use client";

import { useState } from "react";
import type { PaperSize, RenderFormat } from "../../lib/protocol/importExport";
import { Dialog } from "../ui/Dialog";
import { visibleDays } from "./visibleDays";

interface TimelineExportDialogProps {
  boardId: string;
  onClose: () => void;
}

/**
 * The timeline as a PDF or a PNG (issue 18): what is on screen or the whole horizon, on A4 or
 * A3 landscape. The server draws it (GET /export?format=pdf|png); a refusal (too many pages,
 * too many items, too many exports in a minute) is shown here in its own words.
 */
export function TimelineExportDialog({ boardId, onClose }: TimelineExportDialogProps) {
  const [onScreen] = useState(() => visibleDays());
  const [what, setWhat] = useState<"screen" | "all">(onScreen ? "screen" : "all");
  const [paper, setPaper] = useState<PaperSize>("a4");
  const [busy, setBusy] = useState<RenderFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: RenderFormat) {
    setBusy(format);
    setError(null);
    const range = what === "screen" && onScreen ? onScreen : "all";
    const params = new URLSearchParams({ format, range, paper });
    try {
      const response = await fetch(`/api/boards/${boardId}/export?${params}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setError(body?.error ?? `The export failed (${response.status}).`);
        return;
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("content-disposition") ?? "")?.[1];
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name ? decodeURIComponent(name) : `roadmap.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      onClose();
    } catch {
      setError("The export could not reach the server.");
    } finally {
      setBusy(null);
    }
  }

  const choice = "flex items-center gap-2 text-sm";
  return (
    <Dialog open title="Export the timeline" description="A PDF (text stays searchable) or a PNG image, with the title, date, legend, lanes and milestones." onClose={onClose} testId="timeline-export">
      <div className="space-y-4 px-5 pb-5">
        <fieldset className="space-y-1.5">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">What</legend>
          <label className={choice}>
            <input type="radio" name="what" checked={what === "screen"} disabled={!onScreen} onChange={() => setWhat("screen")} />
            What is on screen{onScreen ? <span className="text-slate-500">({onScreen.replace("..", " to ")})</span> : <span className="text-slate-500">(open the timeline)</span>}
          </label>
          <label className={choice}>
            <input type="radio" name="what" checked={what === "all"} onChange={() => setWhat("all")} />
            The whole horizon
          </label>
        </fieldset>
        <fieldset className="space-y-1.5">
          <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Paper, landscape</legend>
          {(["a4", "a3"] as const).map((p) => (
            <label key={p} className={choice}>
              <input type="radio" name="paper" checked={paper === p} onChange={() => setPaper(p)} />
              {p.toUpperCase()}
            </label>
          ))}
        </fieldset>
        {error && (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          {(["pdf", "png"] as const).map((format) => (
            <button
              key={format}
              type="button"
              disabled={busy !== null}
              onClick={() => void download(format)}
              data-testid={`download-${format}`}
              className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
            >
              {busy === format ? "Drawing…" : `Download ${format.toUpperCase()}`}
            </button>
          ))}
        </div>
      </div>
    </Dialog>
  );
}
