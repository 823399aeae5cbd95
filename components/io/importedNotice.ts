/**
 * An import into the open board is written by the import dialog as the person's own change (the
 * server checked the file and took a version first), and the dialog sits
 * in the board's header, outside the roadmap that shows toasts and the versions replay. The
 * dialog announces the import on the window; the roadmap (RoadmapView) shows the toast, whose
 * action opens the automatic version the server took before writing.
 */
export interface ImportedNotice {
  boardId: string;
  message: string;
  versionId: string | null;
  /** Written by this page just now: the toast offers Undo (one step takes the whole import back). */
  undoable?: boolean;
}

const EVENT = "waymark:imported";

export function announceImported(notice: ImportedNotice): void {
  window.dispatchEvent(new CustomEvent<ImportedNotice>(EVENT, { detail: notice }));
}

export function onImported(listener: (notice: ImportedNotice) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<ImportedNotice>).detail);
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/** "Imported 12 items, 3 lanes and 1 milestone." */
export function importedMessage(counts: { items: number; lanes: number; phases: number; milestones: number; dependencies: number }): string {
  const parts = [plural(counts.items, "item")];
  if (counts.lanes) parts.push(plural(counts.lanes, "lane"));
  if (counts.phases) parts.push(plural(counts.phases, "phase"));
  if (counts.milestones) parts.push(plural(counts.milestones, "milestone"));
  if (counts.dependencies) parts.push(plural(counts.dependencies, "link"));
  const last = parts.pop()!;
  return `Imported ${parts.length ? `${parts.join(", ")} and ${last}` : last}.`;
}
