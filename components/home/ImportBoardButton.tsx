"use client";

import { useState } from "react";
import { ImportDialog } from "../io/ImportDialog";

/** Beside "Create roadmap": a board made from a file (CSV, Waymark JSON, MS Project XML). */
export function ImportBoardButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="import-board"
        className="self-start rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Import from a file…
      </button>
      {open && <ImportDialog into={null} onClose={() => setOpen(false)} />}
    </>
  );
}
