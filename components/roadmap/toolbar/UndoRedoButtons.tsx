"use client";

import { useSyncExternalStore } from "react";

interface UndoRedoButtonsProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onHelp: () => void;
}

const subscribeNothing = () => () => undefined;
/** ⌘ on Apple keyboards, Ctrl elsewhere; "Ctrl" while server-rendering. */
export function useIsMac(): boolean {
  return useSyncExternalStore(subscribeNothing, () => /Mac|iPhone|iPad/.test(navigator.platform), () => false);
}

const buttonClass =
  "grid size-7 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-35 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-100";

/**
 * Undo and redo of one's own changes (disabled when there is nothing to undo or redo), and
 * the way to the keyboard shortcuts. Absent for people who cannot edit.
 */
export function UndoRedoButtons({ canUndo, canRedo, onUndo, onRedo, onHelp }: UndoRedoButtonsProps) {
  const mod = useIsMac() ? "⌘" : "Ctrl+";
  return (
    <div className="flex items-center gap-0.5" role="group" aria-label="History">
      <button type="button" onClick={onUndo} disabled={!canUndo} aria-label="Undo" title={`Undo your last change (${mod}Z)`} className={buttonClass}>
        <svg aria-hidden viewBox="0 0 16 16" className="size-4">
          <path d="M6 4L3 7l3 3M3.5 7H10a3 3 0 010 6H8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <button type="button" onClick={onRedo} disabled={!canRedo} aria-label="Redo" title={`Redo (${mod}Shift+Z)`} className={buttonClass}>
        <svg aria-hidden viewBox="0 0 16 16" className="size-4">
          <path d="M10 4l3 3-3 3M12.5 7H6a3 3 0 000 6h2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <ShortcutsButton onHelp={onHelp} />
    </div>
  );
}

/** "?": the keyboard shortcuts, for everyone (zoom keys work for viewers too). */
export function ShortcutsButton({ onHelp }: { onHelp: () => void }) {
  return (
    <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" className={buttonClass}>
      <svg aria-hidden viewBox="0 0 16 16" className="size-4">
        <rect x="1.5" y="4" width="13" height="8.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M4 6.8h1M7.5 6.8h1M11 6.8h1M5 9.8h6" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
      </svg>
    </button>
  );
}
