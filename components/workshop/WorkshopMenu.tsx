"use client";

import { useRef, useState } from "react";
import { useDismiss } from "../ui/useDismiss";
import { PastWorkshopsDialog } from "./PastWorkshopsDialog";
import { StartWorkshopDialog } from "./StartWorkshopDialog";
import type { WorkshopUi } from "./useWorkshopUi";

const entry = "flex w-full items-center rounded-lg px-2.5 py-1.5 text-left text-sm hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800";

/**
 * The header's "Workshop" menu for members: start one (owners and editors, while none runs) and
 * the board's past workshops with their records.
 */
export function WorkshopMenu({ ui }: { ui: WorkshopUi }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(false);
  useDismiss(open, root, close);
  const running = ui.binding.workshop !== null;
  const choose = (dialog: "start" | "past") => {
    close();
    ui.setDialog(dialog);
  };
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="workshop-menu"
        onClick={() => setOpen((v) => !v)}
        title="Run a workshop on this board, or read past ones"
        className="flex items-center gap-1.5 whitespace-nowrap rounded-lg border border-slate-200 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
          <circle cx="8" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 5.5v3l2 1.5M6.5 1.5h3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <span className="hidden md:inline">Workshop</span>
        <span className="sr-only md:hidden">Workshop</span>
      </button>
      {open && (
        <div
          role="menu"
          aria-label="Workshop"
          onKeyDown={(e) => {
            // Up and down walk the entries, as in the board's other menus; Escape (which closes it) gives the focus back.
            if (e.key === "Escape") button.current?.focus();
            const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const entries = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)")];
            const at = entries.indexOf(document.activeElement as HTMLButtonElement);
            entries[(at + step + entries.length) % entries.length]?.focus();
          }}
          className="absolute right-0 top-full z-50 mt-2 flex w-60 flex-col rounded-xl border border-slate-200 bg-white p-1.5 text-slate-700 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200">
          {ui.canStart && (
            <button type="button" role="menuitem" className={`${entry} disabled:opacity-40`} disabled={running} onClick={() => choose("start")} autoFocus={!running}>
              {running ? "A workshop is running" : "Start a workshop…"}
            </button>
          )}
          <button type="button" role="menuitem" className={entry} onClick={() => choose("past")} autoFocus={!ui.canStart || running}>
            Past workshops
          </button>
        </div>
      )}
      {ui.dialog === "start" && <StartWorkshopDialog start={ui.binding.actions.start} onClose={() => ui.setDialog(null)} />}
      {ui.dialog === "past" && <PastWorkshopsDialog boardId={ui.binding.boardId} onClose={() => ui.setDialog(null)} />}
    </div>
  );
}
