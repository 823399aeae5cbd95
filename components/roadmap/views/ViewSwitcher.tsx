"use client";

import { useRef, type KeyboardEvent } from "react";
import { ROADMAP_VIEWS, VIEW_LABELS, type RoadmapViewKind } from "./viewParam";

/** Id of the element that shows the current view, for the tabs' aria-controls. */
export const VIEW_PANEL_ID = "roadmap-view-panel";
export const viewTabId = (view: RoadmapViewKind) => `roadmap-view-tab-${view}`;

const NEXT_KEYS: Record<string, number | "first" | "last"> = { ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last" };

/**
 * Timeline | Phases | Table as ARIA tabs: one tab stop, arrow keys (and Home/End) move between
 * the tabs and show the view at once, as the WAI-ARIA tabs pattern with automatic activation.
 */
export function ViewSwitcher({ value, onChange }: { value: RoadmapViewKind; onChange: (view: RoadmapViewKind) => void }) {
  const tabs = useRef(new Map<RoadmapViewKind, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const step = NEXT_KEYS[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const at = ROADMAP_VIEWS.indexOf(value);
    const n = ROADMAP_VIEWS.length;
    const next = ROADMAP_VIEWS[step === "first" ? 0 : step === "last" ? n - 1 : (at + step + n) % n]!;
    onChange(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label="Roadmap view" onKeyDown={onKeyDown} className="flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      {ROADMAP_VIEWS.map((view) => {
        const selected = view === value;
        return (
          <button
            key={view}
            ref={(el) => {
              if (el) tabs.current.set(view, el);
              else tabs.current.delete(view);
            }}
            type="button"
            role="tab"
            id={viewTabId(view)}
            aria-selected={selected}
            aria-controls={VIEW_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            data-testid={`view-tab-${view}`}
            onClick={() => onChange(view)}
            className={`rounded-md px-2 py-1 text-xs font-medium outline-none sm:px-2.5 focus-visible:ring-2 focus-visible:ring-indigo-500 ${
              selected
                ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100"
                : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
            }`}
          >
            {VIEW_LABELS[view]}
          </button>
        );
      })}
    </div>
  );
}
