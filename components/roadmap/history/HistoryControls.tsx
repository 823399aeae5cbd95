export interface VersionControls {
  /** The board has a baseline: offer to show or hide its ghosts. */
  hasBaseline: boolean;
  ghostsShown: boolean;
  onGhostsShown: (shown: boolean) => void;
  /** Why the baseline could not be drawn, if it could not. */
  baselineError: string | null;
  onCompare: () => void;
}

const BUTTON = "flex items-center gap-1.5 whitespace-nowrap rounded-lg border px-2.5 py-1 text-xs font-medium";
const IDLE = "border-slate-200 text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

/**
 * The toolbar's history controls: Compare, and the baseline's ghosts on or off (a personal view
 * choice). Below md they are entries of the toolbar's "More" menu instead (RoadmapToolbar).
 */
export function HistoryControls({ hasBaseline, ghostsShown, onGhostsShown, baselineError, onCompare }: VersionControls) {
  return (
    <>
      {hasBaseline && (
        <button
          type="button"
          data-testid="baseline-toggle"
          aria-pressed={ghostsShown}
          onClick={() => onGhostsShown(!ghostsShown)}
          title={baselineError ?? (ghostsShown ? "Hide the baseline under the bars (only on your screen)" : "Show the baseline under the bars, with each slip in working days")}
          className={`${BUTTON} ${ghostsShown ? "border-slate-400 bg-slate-100 text-slate-800 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100" : IDLE}`}
        >
          <svg aria-hidden viewBox="0 0 16 10" className="h-2.5 w-4">
            <rect x="1" y="1" width="10" height="4" rx="1" fill="currentColor" opacity="0.8" />
            <rect x="4" y="5.5" width="11" height="3.5" rx="1" fill="none" stroke="currentColor" strokeDasharray="2 1.5" />
          </svg>
          {/* The word from 2xl: with Versions and Compare beside it, the bar has no room for it at 1440 px. */}
          <span className="sr-only 2xl:not-sr-only">Baseline</span>
          {baselineError && <span className="size-1.5 rounded-full bg-rose-500" />}
        </button>
      )}
      <button type="button" data-testid="compare-open" onClick={onCompare} title="Compare versions of this board, or a version with now" className={`${BUTTON} ${IDLE}`}>
        Compare
      </button>
    </>
  );
}
