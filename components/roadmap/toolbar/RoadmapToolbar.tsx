import type { ReactNode } from "react";
import type { Severity } from "../../../lib/derive/types";
import { TIME_SCALES, type TimeScale } from "../../../lib/model/schemas";
import { INLINE_FROM, MENU_BELOW, MenuEntry, OverflowMenu } from "../../ui/OverflowMenu";
import { ConflictSummary } from "../conflicts/ConflictSummary";
import { ViewSwitcher } from "../views/ViewSwitcher";
import type { RoadmapViewKind } from "../views/viewParam";
import { ZoomControl } from "./ZoomControl";
import { HistoryControls, type VersionControls } from "../history/HistoryControls";

interface RoadmapToolbarProps {
  /** Timeline, phase board or table; zoom and the critical path only apply to the timeline. */
  view: RoadmapViewKind;
  onView: (view: RoadmapViewKind) => void;
  scale: TimeScale;
  onScale: (scale: TimeScale) => void;
  criticalView: boolean;
  onCriticalView: (on: boolean) => void;
  /** Tooltip of the critical-path toggle. */
  criticalHint: string;
  /** Shown beside the toggle while the view is on, e.g. "4 critical items · board ends Jun 11". */
  criticalSummary: string;
  counts: Record<Severity, number>;
  conflictsOpen: boolean;
  onToggleConflicts: () => void;
  /** Absent on read-only boards: there is nothing to add. */
  onAddItem?: () => void;
  /** Opens the board setup (lanes, phases, milestones); absent on read-only boards. */
  onSetup?: () => void;
  /** The board's comments panel toggle; absent for guests. */
  comments?: { openThreads: number; open: boolean; onToggle: () => void };
  /** The Requests panel toggle (dependency requests between teams) and how many wait for the reader; absent for guests. */
  requests?: { waiting: number; open: boolean; onToggle: () => void };
  /** Undo, redo and the keyboard shortcuts, beside the zoom (EditingControls). */
  history?: ReactNode;
  /** Compare and the baseline's ghosts on or off (history/HistoryControls); absent for guests. */
  versions?: VersionControls;
  /** The versions panel (and the history replay) toggle; absent for guests, who cannot read versions. */
  versionsPanel?: { open: boolean; onToggle: () => void };
  /** Opens the presentation (full screen, stepping through phases); every role, guests too. */
  onPresent?: () => void;
  /** The proposals panel toggle (docs/teams.md "Proposals"); absent for guests. */
  proposals?: { open: number; panelOpen: boolean; onToggle: () => void };
}

/** What each other view says to editors and to read-only people. */
const VIEW_HINTS: Record<Exclude<RoadmapViewKind, "timeline">, [string, string]> = {
  phases: ["Drag cards between phases and up or down to set the cut · Alt+arrow keys move a focused card", "Click a card to see its details"],
  table: ["Edit any cell in place · click a column to sort", "Click a row to see its details · click a column to sort"],
};

/** Where each control stands in the bar; below its width it is an entry of the "More" menu. */
const ROOM = { zoom: "lg", critical: "xl", setup: "xl", addItem: "md", versions: "md", versionsPanel: "2xl", present: "xl", proposals: "2xl", requests: "2xl" } as const;
const ZOOM_LABELS: Record<TimeScale, string> = { weeks: "Weeks", months: "Months", quarters: "Quarters" };

/**
 * The strip above the roadmap: the view tabs, zoom, the critical-path view, comments, conflicts,
 * board setup and "Add item". What does not fit the screen's width moves into a "More" menu
 * (ROOM says from which width each control has room), so every control stays reachable;
 * the view tabs, comments and conflicts are always in the bar.
 */
export function RoadmapToolbar(props: RoadmapToolbarProps) {
  const { view, onView, scale, onScale, criticalView, onCriticalView, criticalHint, criticalSummary, counts, conflictsOpen, onToggleConflicts, onAddItem, onSetup, comments, requests, history, versions, versionsPanel, onPresent, proposals } = props;
  const timeline = view === "timeline";
  // The menu is there as long as one of its entries is: up to the widest breakpoint among them.
  // Versions waits for the widest screens: below them the bar is full (compare, baseline, setup, add item).
  const menuUntil = versionsPanel || requests || proposals ? ROOM.versionsPanel : timeline || onSetup || onPresent ? "xl" : onAddItem || versions ? ROOM.addItem : null;
  return (
    <div className="flex h-12 shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-2 sm:px-4 xl:gap-3 dark:border-slate-800 dark:bg-slate-900">
      <ViewSwitcher value={view} onChange={onView} />
      {timeline && (
        <div className={INLINE_FROM[ROOM.zoom]}>
          <ZoomControl value={scale} onChange={onScale} />
        </div>
      )}
      {history}
      <p className="hidden min-w-0 truncate text-xs text-slate-500 2xl:block dark:text-slate-400">
        {view !== "timeline"
          ? VIEW_HINTS[view][onAddItem ? 0 : 1]
          : onAddItem
            ? "Drag a bar to reschedule it · drag along a lane to add an item · drag from a bar’s right dot to another bar to link them · right-click a bar for more"
            : "Click a bar to see its details"}
      </p>
      <div className="flex-1" />
      {timeline && (
        <button
          type="button"
          aria-pressed={criticalView}
          onClick={() => onCriticalView(!criticalView)}
          title={criticalView ? `${criticalHint} · ${criticalSummary}` : criticalHint}
          className={`${INLINE_FROM[ROOM.critical]} items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium ${
            criticalView
              ? "border-orange-300 bg-orange-50 text-orange-800 dark:border-orange-500/50 dark:bg-orange-500/15 dark:text-orange-200"
              : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          <CriticalIcon />
          Critical path
        </button>
      )}
      {timeline && criticalView && (
        <span data-testid="critical-summary" className="hidden whitespace-nowrap text-xs text-orange-700 2xl:inline dark:text-orange-300">
          {criticalSummary}
        </span>
      )}
      {comments && (
        <button
          type="button"
          data-testid="comments-toggle"
          aria-pressed={comments.open}
          onClick={comments.onToggle}
          title="Comment threads on this board"
          className={`flex items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium ${
            comments.open
              ? "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-500/50 dark:bg-sky-500/15 dark:text-sky-200"
              : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          <svg aria-hidden viewBox="0 0 10 10" className="size-3 text-sky-600 dark:text-sky-400">
            <path d="M1 2.2C1 1.5 1.5 1 2.2 1h5.6C8.5 1 9 1.5 9 2.2v3.6C9 6.5 8.5 7 7.8 7H4.5L2.4 8.8V7h-.2C1.5 7 1 6.5 1 5.8z" fill="currentColor" />
          </svg>
          <span className="sr-only sm:not-sr-only">Comments</span>
          {comments.openThreads > 0 && <span data-testid="open-thread-count">{comments.openThreads}</span>}
        </button>
      )}
      {proposals && (
        <button
          type="button"
          data-testid="proposals-toggle"
          aria-pressed={proposals.panelOpen}
          onClick={proposals.onToggle}
          title="Proposed changes waiting for their lane's team"
          className={`${INLINE_FROM[ROOM.proposals]} items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium ${
            proposals.panelOpen
              ? "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-200"
              : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          <span aria-hidden className="inline-block h-2.5 w-3.5 rounded-sm border border-dashed border-indigo-500" />
          Proposals
          {proposals.open > 0 && <span data-testid="open-proposal-count">{proposals.open}</span>}
        </button>
      )}
      {requests && (
        <button
          type="button"
          data-testid="requests-toggle"
          aria-pressed={requests.open}
          onClick={requests.onToggle}
          title="Dependency requests between teams"
          className={`${INLINE_FROM[ROOM.requests]} items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium ${
            requests.open
              ? "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-200"
              : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          <svg aria-hidden viewBox="0 0 12 10" className="h-2.5 w-3 text-indigo-600 dark:text-indigo-400">
            <path d="M1 5h8M6.5 2 9.5 5l-3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="2.5 1.5" strokeLinecap="round" />
          </svg>
          <span className="sr-only sm:not-sr-only">Requests</span>
          {requests.waiting > 0 && (
            <span data-testid="requests-waiting">
              {requests.waiting}
              <span className="sr-only"> waiting for you</span>
            </span>
          )}
        </button>
      )}
      {versions && (
        <div className={`${INLINE_FROM[ROOM.versions]} items-center gap-2`}>
          <HistoryControls {...versions} />
        </div>
      )}
      {versionsPanel && (
        <button
          type="button"
          aria-pressed={versionsPanel.open}
          onClick={versionsPanel.onToggle}
          title="Saved and automatic versions of this board, and its history"
          className={`${INLINE_FROM[ROOM.versionsPanel]} items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium ${
            versionsPanel.open
              ? "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-500/50 dark:bg-indigo-500/15 dark:text-indigo-200"
              : "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          }`}
        >
          <VersionsIcon />
          Versions
        </button>
      )}
      {onPresent && (
        <button
          type="button"
          data-testid="present"
          onClick={onPresent}
          title="Present the timeline full screen, phase by phase (Esc leaves)"
          className={`${INLINE_FROM[ROOM.present]} items-center gap-1.5 whitespace-nowrap rounded-lg border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800`}
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
            <path d="M2 3h12v8H2zM8 11v3M5.5 14h5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
          </svg>
          Present
        </button>
      )}
      <ConflictSummary counts={counts} open={conflictsOpen} onToggle={onToggleConflicts} />
      {onSetup && (
        <button
          type="button"
          onClick={onSetup}
          className={`${INLINE_FROM[ROOM.setup]} items-center gap-1.5 whitespace-nowrap rounded-lg border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800`}
        >
          <SetupIcon />
          Board setup
        </button>
      )}
      {menuUntil && (
        <OverflowMenu label="More controls" testId="toolbar-more" className={MENU_BELOW[menuUntil]}>
          {(close) => (
            <>
              {onAddItem && (
                <MenuEntry onSelect={onAddItem} close={close} className={MENU_BELOW[ROOM.addItem]}>
                  Add item
                </MenuEntry>
              )}
              {timeline &&
                TIME_SCALES.map((s) => (
                  <MenuEntry key={s} checked={scale === s} onSelect={() => onScale(s)} close={close} className={MENU_BELOW[ROOM.zoom]}>
                    {ZOOM_LABELS[s]}
                  </MenuEntry>
                ))}
              {timeline && (
                <MenuEntry checked={criticalView} onSelect={() => onCriticalView(!criticalView)} close={close} className={MENU_BELOW[ROOM.critical]}>
                  Critical path
                </MenuEntry>
              )}
              {onSetup && (
                <MenuEntry onSelect={onSetup} close={close} className={MENU_BELOW[ROOM.setup]}>
                  Board setup
                </MenuEntry>
              )}
              {versions && (
                <MenuEntry onSelect={versions.onCompare} close={close} className={MENU_BELOW[ROOM.versions]}>
                  Compare versions
                </MenuEntry>
              )}
              {versions?.hasBaseline && (
                <MenuEntry checked={versions.ghostsShown} onSelect={() => versions.onGhostsShown(!versions.ghostsShown)} close={close} className={MENU_BELOW[ROOM.versions]}>
                  Baseline
                </MenuEntry>
              )}
              {onPresent && (
                <MenuEntry onSelect={onPresent} close={close} className={MENU_BELOW[ROOM.present]}>
                  Present
                </MenuEntry>
              )}
              {proposals && (
                <MenuEntry checked={proposals.panelOpen} onSelect={proposals.onToggle} close={close} className={MENU_BELOW[ROOM.proposals]}>
                  {proposals.open > 0 ? `Proposals (${proposals.open})` : "Proposals"}
                </MenuEntry>
              )}
              {requests && (
                <MenuEntry checked={requests.open} onSelect={requests.onToggle} close={close} className={MENU_BELOW[ROOM.requests]}>
                  Requests
                  {requests.waiting > 0 && <span className="ml-auto text-xs tabular-nums text-indigo-700 dark:text-indigo-300">{requests.waiting} waiting</span>}
                </MenuEntry>
              )}
              {versionsPanel && (
                <MenuEntry checked={versionsPanel.open} onSelect={versionsPanel.onToggle} close={close} className={MENU_BELOW[ROOM.versionsPanel]}>
                  Versions
                </MenuEntry>
              )}
            </>
          )}
        </OverflowMenu>
      )}
      {onAddItem && (
        <button
          type="button"
          onClick={onAddItem}
          className={`${INLINE_FROM[ROOM.addItem]} items-center gap-1.5 whitespace-nowrap rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500`}
        >
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          Add item
        </button>
      )}
    </div>
  );
}

function CriticalIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 10" className="h-2.5 w-4">
      <path d="M1 8h4l3-6h7" fill="none" stroke="#f97316" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function VersionsIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}

function SetupIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
      <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="5" cy="4" r="1.6" fill="currentColor" />
      <circle cx="11" cy="8" r="1.6" fill="currentColor" />
      <circle cx="7" cy="12" r="1.6" fill="currentColor" />
    </svg>
  );
}
