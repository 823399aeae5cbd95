"use client";

import type { BoardSession } from "../collab/boardSession";
import type { BoardNotice } from "./commands/useBoardCommands";

interface BoardToastProps {
  notice: BoardNotice;
  session: BoardSession;
  onDone: () => void;
  /** Replaces the toast with another message. */
  onMessage: (message: string) => void;
}

/**
 * A short message at the bottom of the board: what just happened, or why nothing did. When the
 * step can be taken back (a deleted item) it offers Undo on the spot, through the person's own
 * undo history, so it takes back exactly that step (and only while it is their latest one).
 */
export function BoardToast({ notice, session, onDone, onMessage }: BoardToastProps) {
  const undo = () => {
    if (session.history.undoIf(notice.undo ?? null)) onDone();
    else onMessage("That can no longer be undone from here: you changed something since. Use Undo (Ctrl+Z) to step back.");
  };
  return (
    <div
      role="status"
      data-testid="board-toast"
      className="absolute bottom-16 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
    >
      <span>{notice.message}</span>
      {notice.undo && (
        <button
          type="button"
          onClick={undo}
          className="rounded-md px-2 py-0.5 font-semibold text-indigo-200 underline-offset-2 hover:bg-white/10 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-300 dark:text-indigo-700 dark:hover:bg-slate-900/10"
        >
          Undo
        </button>
      )}
      {notice.action && (
        <button
          type="button"
          data-testid="board-toast-action"
          onClick={() => {
            notice.action!.run();
            onDone();
          }}
          className="rounded-md px-2 py-0.5 font-semibold text-indigo-200 underline-offset-2 hover:bg-white/10 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-300 dark:text-indigo-700 dark:hover:bg-slate-900/10"
        >
          {notice.action.label}
        </button>
      )}
    </div>
  );
}
