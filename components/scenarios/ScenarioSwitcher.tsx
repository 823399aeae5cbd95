"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ScenarioView } from "../../lib/protocol/scenarios";
import { useDismiss } from "../ui/useDismiss";
import { NewScenarioDialog } from "./NewScenarioDialog";
import { boardPath, comparePath } from "./scenariosClient";

interface ScenarioSwitcherProps {
  planId: string;
  /** The board shown: the plan's id or one of its scenarios'. */
  currentId: string;
  /** The plan's scenarios (null while loading). */
  scenarios: ScenarioView[] | null;
  /** Editors and owners fork new scenarios. */
  canCreate: boolean;
}

/**
 * The plan and its active scenarios, in the board header: one click to the other document, or
 * to a scenario's comparison with the plan, and "New scenario…" for editors. A menu of links,
 * so each also opens in a new tab; closes on Escape and on a click elsewhere.
 */
export function ScenarioSwitcher({ planId, currentId, scenarios, canCreate }: ScenarioSwitcherProps) {
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);
  // As in any menu: the first entry takes the focus, arrow keys move between entries.
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    const entries = [...(root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    entries[(at + (e.key === "ArrowDown" ? 1 : entries.length - 1)) % entries.length]?.focus();
  };
  const active = (scenarios ?? []).filter((s) => s.state === "active");
  const current = scenarios?.find((s) => s.id === currentId) ?? null;
  const onScenario = currentId !== planId;
  const item = "flex w-full items-center gap-2 rounded-md px-3 py-1.5 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800";
  return (
    <div ref={root} className="relative shrink-0">
      <button
        type="button"
        data-testid="scenario-switcher"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={onScenario ? `Scenario “${current?.name ?? ""}”: switch to the plan or another scenario` : "Plan and scenarios"}
        title="Switch between the plan and its scenarios"
        onClick={() => setOpen((o) => !o)}
        className={`flex max-w-40 items-center gap-1.5 rounded-md border px-2 py-1 text-sm font-medium ${
          onScenario
            ? "border-violet-300 bg-violet-100 text-violet-900 hover:bg-violet-200 dark:border-violet-500/40 dark:bg-violet-500/15 dark:text-violet-100"
            : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        }`}
      >
        <BranchIcon />
        {/* The name only where the header has room: the board's title comes first (the banner names a scenario). */}
        <span className="hidden truncate 2xl:inline">{onScenario ? (current?.name ?? "Scenario") : "Plan"}</span>
        {!onScenario && active.length > 0 && (
          <span className="rounded-full bg-violet-600 px-1.5 text-xs text-white" aria-label={`${active.length} active scenarios`}>
            {active.length}
          </span>
        )}
      </button>
      {open && (
        <div role="menu" aria-label="The plan and its scenarios" onKeyDown={onMenuKey} className="absolute left-0 top-full z-50 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <Link role="menuitem" href={boardPath(planId)} aria-current={onScenario ? undefined : "page"} className={item} onClick={close}>
            <span className="font-semibold">The plan</span>
            {!onScenario && <span className="ml-auto text-xs text-slate-500">you are here</span>}
          </Link>
          <p className="px-3 pb-1 pt-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Scenarios</p>
          {scenarios === null && <p className="px-3 py-1.5 text-sm text-slate-500">Loading…</p>}
          {scenarios !== null && active.length === 0 && <p className="px-3 py-1.5 text-sm text-slate-500">None yet.</p>}
          {active.map((s) => (
            <div key={s.id} className="flex items-center gap-1">
              <Link role="menuitem" href={boardPath(s.id)} aria-current={s.id === currentId ? "page" : undefined} className={`${item} min-w-0 flex-1`} onClick={close}>
                <span aria-hidden className="size-2 shrink-0 rounded-full bg-violet-500" />
                <span className="truncate">{s.name}</span>
              </Link>
              <Link
                role="menuitem"
                href={comparePath(planId, s.id)}
                className="shrink-0 rounded-md px-2 py-1.5 text-xs font-medium text-violet-700 hover:bg-violet-50 dark:text-violet-300 dark:hover:bg-violet-500/10"
                aria-label={`Compare “${s.name}” with the plan`}
                onClick={close}
              >
                Compare
              </Link>
            </div>
          ))}
          {canCreate && (
            <button
              type="button"
              role="menuitem"
              data-testid="new-scenario"
              className={`${item} mt-1 border-t border-slate-200 pt-2 font-medium text-violet-700 dark:border-slate-700 dark:text-violet-300`}
              onClick={() => {
                close();
                setCreating(true);
              }}
            >
              New scenario…
            </button>
          )}
        </div>
      )}
      {creating && <NewScenarioDialog planId={planId} onClose={() => setCreating(false)} />}
    </div>
  );
}

function BranchIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="size-4 shrink-0">
      <path d="M5 3v10M5 9c0-3 6-2 6-5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <circle cx="5" cy="3" r="1.5" fill="currentColor" />
      <circle cx="5" cy="13" r="1.5" fill="currentColor" />
      <circle cx="11" cy="4" r="1.5" fill="currentColor" />
    </svg>
  );
}
