"use client";

import type { BoardSnapshot } from "../../lib/model/snapshot";
import { PastTimeline } from "../roadmap/versions/PastTimeline";

const NONE_FOLDED: ReadonlySet<string> = new Set();

/**
 * The board as the import will leave it, drawn by the normal timeline read-only from a snapshot
 * of a scratch document (as the history replay draws a past board): nothing here can write.
 */
export function ImportPreviewBoard({ snapshot }: { snapshot: BoardSnapshot }) {
  return (
    <section aria-label="Preview of the imported board" className="flex h-80 flex-col overflow-hidden rounded-lg border border-slate-200 dark:border-slate-700" data-testid="import-preview-board">
      <PastTimeline snapshot={snapshot} scale={snapshot.board.timeScale} collapsed={NONE_FOLDED} />
    </section>
  );
}
