"use client";

import { EXPORT_FORMATS, type ExportFormat } from "../../lib/protocol/importExport";
import { MenuEntry, MenuSeparator } from "../ui/OverflowMenu";

const EXPORT_LABELS: Record<ExportFormat, string> = {
  csv: "Export as CSV (spreadsheet)",
  json: "Export as Waymark JSON",
  mspdi: "Export as MS Project XML",
  ics: "Export milestones (iCalendar)",
};

/**
 * The board's exports in its menu: plain links to GET /export (the server names the file and
 * sends it as a download), so they work for every member without any script of ours.
 */
export function ExportEntries({ boardId, close, onPicture }: { boardId: string; close: () => void; onPicture?: () => void }) {
  return (
    <>
      <MenuSeparator />
      <div role="presentation" className="px-2.5 pb-0.5 pt-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Export
      </div>
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          role="menuitem"
          tabIndex={-1}
          href={`/api/boards/${encodeURIComponent(boardId)}/export?format=${format}`}
          download
          data-testid={`export-${format}`}
          onClick={close}
          className="flex w-full items-center gap-2 rounded-lg px-2.5 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800"
        >
          <span aria-hidden className="size-1.5 shrink-0 rounded-full bg-transparent" />
          {EXPORT_LABELS[format]}
        </a>
      ))}
      {/* The timeline as a picture asks what and on which paper first (components/board/TimelineExportDialog.tsx). */}
      {onPicture && (
        <MenuEntry onSelect={onPicture} close={close}>
          Export as PDF or PNG…
        </MenuEntry>
      )}
    </>
  );
}
