import type { ReactNode } from "react";
import { CloseButton } from "./CloseButton";

interface PanelFrameProps {
  /** The accessible name of the panel (a landmark), e.g. "Conflicts". */
  label: string;
  testId: string;
  id?: string;
  /** What stands left of the close button: a title, or tabs and filters. */
  header: ReactNode;
  /** What a screen reader says for the close button, e.g. "Close conflicts". */
  closeLabel: string;
  onClose: () => void;
  /** A muted body for panels that hold cards (the comment threads). */
  muted?: boolean;
  children: ReactNode;
}

/**
 * A side panel to the right of the board (the selected item, the conflicts, the comments): one
 * frame, so they share a width, a header height and a close button, and sit alike beside the
 * timeline.
 */
export function PanelFrame({ label, testId, id, header, closeLabel, onClose, muted = false, children }: PanelFrameProps) {
  return (
    <aside
      id={id}
      data-testid={testId}
      aria-label={label}
      className={`flex w-80 shrink-0 flex-col border-l border-slate-200 dark:border-slate-800 ${muted ? "bg-slate-50 dark:bg-slate-950" : "bg-white dark:bg-slate-900"}`}
    >
      <div className="flex h-11 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex h-full min-w-0 flex-1 items-center">{header}</div>
        <CloseButton label={closeLabel} onClick={onClose} className="-mr-1" />
      </div>
      {children}
    </aside>
  );
}
