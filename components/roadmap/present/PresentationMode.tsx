"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { NO_LANE, type BoardLayout } from "../../../lib/derive/boardLayout";
import { fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { fraction, presentationSteps, type PresentationStep } from "./presentationSteps";

interface PresentationModeProps {
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  onClose: () => void;
}

const MONTH = new Intl.DateTimeFormat("en", { month: "short", year: "2-digit", timeZone: "UTC" });
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

/**
 * The timeline for a room: full screen, fitted to the window, nothing to edit, stepping from
 * the overview through each phase (arrow keys, Page Up/Down, space, or the buttons; Home goes
 * back to the overview, Escape leaves). It draws from the same snapshot and layout as the
 * timeline, so it follows live edits, and it is open to every role, share-link guests too.
 */
export function PresentationMode({ snapshot, layout, onClose }: PresentationModeProps) {
  const steps = useMemo(() => presentationSteps(snapshot, layout), [snapshot, layout]);
  const [index, setIndex] = useState(0);
  const step = steps[Math.min(index, steps.length - 1)]!;
  const root = useRef<HTMLDivElement>(null);
  const last = steps.length - 1;

  useEffect(() => {
    root.current?.focus();
    // Full screen where the browser allows it; the overlay already fills the window otherwise.
    const el = root.current;
    if (el && typeof el.requestFullscreen === "function" && !document.fullscreenElement) void el.requestFullscreen().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    // Leaving full screen with the browser's own Escape leaves the presentation too.
    const onChange = () => {
      if (!document.fullscreenElement && root.current?.dataset.fullscreen === "1") onClose();
      if (document.fullscreenElement && root.current) root.current.dataset.fullscreen = "1";
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [onClose]);

  function onKeyDown(event: React.KeyboardEvent) {
    // The board's own shortcuts (window listeners: undo, arrows on a selected bar) must not act behind the presentation.
    event.stopPropagation();
    const next = ["ArrowRight", "ArrowDown", "PageDown", " "].includes(event.key);
    const prev = ["ArrowLeft", "ArrowUp", "PageUp"].includes(event.key);
    if (event.key === "Escape") onClose();
    else if (next) setIndex((i) => Math.min(last, i + 1));
    else if (prev) setIndex((i) => Math.max(0, i - 1));
    else if (event.key === "Home") setIndex(0);
    else if (event.key === "End") setIndex(last);
    else return;
    event.preventDefault();
  }

  const lanes = [...snapshot.lanes.map((l) => ({ id: l.id as string, name: l.name, color: l.color })), ...(layout.laneRows.has(NO_LANE) ? [{ id: NO_LANE, name: "No lane", color: "#94a3b8" }] : [])];
  const itemsByLane = new Map<string, { id: string; title: string; row: number; from: number; to: number }[]>();
  for (const item of snapshot.items) {
    const span = layout.spans.get(item.id);
    if (!span || span.finishDay < step.from || span.startDay > step.to) continue;
    const lane = item.laneId !== null && layout.laneRows.has(item.laneId) ? item.laneId : NO_LANE;
    const list = itemsByLane.get(lane) ?? [];
    list.push({ id: item.id, title: item.title, row: span.row, from: span.startDay, to: span.finishDay });
    itemsByLane.set(lane, list);
  }
  const milestones = snapshot.milestones.filter((m) => {
    const day = toDayNumber(m.date);
    return day >= step.from && day <= step.to;
  });

  return (
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-label="Presentation"
      data-testid="presentation"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed inset-0 z-[100] flex flex-col bg-white text-slate-900 outline-none dark:bg-slate-950 dark:text-slate-100"
    >
      <header className="flex items-center gap-3 border-b border-slate-200 px-6 py-3 dark:border-slate-800">
        <h2 className="min-w-0 truncate text-lg font-semibold">{snapshot.board.title}</h2>
        <span className="text-slate-400">·</span>
        <span data-testid="presentation-step" className="whitespace-nowrap text-lg text-indigo-700 dark:text-indigo-300">
          {step.label}
        </span>
        <span className="whitespace-nowrap text-sm text-slate-500" data-testid="presentation-range">
          {fromDayNumber(step.from)} – {fromDayNumber(step.to)}
        </span>
        <div className="flex-1" />
        <span className="text-sm text-slate-500" aria-live="polite">
          {index + 1} / {steps.length}
        </span>
        <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} className={navButton} aria-label="Previous phase">
          ←
        </button>
        <button type="button" onClick={() => setIndex((i) => Math.min(last, i + 1))} disabled={index >= last} className={navButton} aria-label="Next phase">
          →
        </button>
        <button type="button" onClick={onClose} className={`${navButton} px-3 text-sm`}>
          Exit <kbd className="ml-1 text-xs text-slate-400">Esc</kbd>
        </button>
      </header>
      <div className="flex min-h-0 flex-1 flex-col px-6 pb-4">
        <Axis step={step} />
        <div className="relative flex min-h-0 flex-1 flex-col">
          {lanes.map((lane) => {
            const rows = Math.max(1, layout.laneRows.get(lane.id) ?? 1);
            return (
              <div key={lane.id} className="flex min-h-0 border-b border-slate-100 dark:border-slate-800" style={{ flexGrow: rows, flexBasis: 0 }}>
                <div className="flex w-44 shrink-0 items-center gap-2 pr-3 text-sm font-medium">
                  <span aria-hidden className="size-2.5 shrink-0 rounded-full" style={{ background: lane.color }} />
                  <span className="truncate">{lane.name}</span>
                </div>
                <div className="relative min-w-0 flex-1 overflow-hidden">
                  {(itemsByLane.get(lane.id) ?? []).map((bar) => {
                    const left = Math.max(0, fraction(step, bar.from));
                    const right = Math.min(1, fraction(step, bar.to + 1));
                    return (
                      <div
                        key={bar.id}
                        data-testid="presentation-bar"
                        title={bar.title}
                        className="absolute flex items-center overflow-hidden rounded-md px-2 text-sm font-medium text-white shadow-sm"
                        style={{ left: pct(left), width: pct(Math.max(0.002, right - left)), top: `calc(${pct(bar.row / rows)} + 3px)`, height: `calc(${pct(1 / rows)} - 6px)`, background: lane.color }}
                      >
                        <span className="truncate">{bar.title}</span>
                      </div>
                    );
                  })}
                </div>
              </div>
            );
          })}
          <div className="pointer-events-none absolute inset-y-0 left-44 right-0">
            {milestones.map((m) => (
              <div key={m.id} data-testid="presentation-milestone" className="absolute inset-y-0 border-l-2 border-dashed border-rose-400" style={{ left: pct(fraction(step, toDayNumber(m.date) + 0.5)) }}>
                <span className="absolute -top-0.5 left-1 whitespace-nowrap rounded bg-rose-50 px-1 text-xs font-semibold text-rose-700 dark:bg-rose-500/20 dark:text-rose-200">◆ {m.title}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

const navButton =
  "rounded-lg border border-slate-200 px-2.5 py-1 text-lg leading-none hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";

const WEEK = new Intl.DateTimeFormat("en", { day: "numeric", month: "short", timeZone: "UTC" });

/** Month starts across the window, labelled where there is room; Mondays when a phase spans a few months only. */
function Axis({ step }: { step: PresentationStep }) {
  const ticks: { day: number; label: string }[] = [];
  const span = step.to - step.from + 1;
  if (span <= 120) {
    // Day 0 (1970-01-01) was a Thursday: Mondays are the days ≡ 4 (mod 7).
    const every = span > 60 ? 14 : 7;
    for (let day = step.from + ((4 - step.from) % 7 + 7) % 7; day <= step.to; day += every) ticks.push({ day, label: WEEK.format(new Date(day * 86_400_000)) });
  } else {
    const start = new Date(`${fromDayNumber(step.from)}T00:00:00Z`);
    const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const every = span > 900 ? 6 : span > 400 ? 3 : 1;
    for (let n = 0; n < 200; n++) {
      const day = Math.round(cursor.getTime() / 86_400_000);
      if (day > step.to) break;
      if (cursor.getUTCMonth() % every === 0) ticks.push({ day, label: MONTH.format(cursor) });
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
  }
  return (
    <div className="relative ml-44 h-7 shrink-0 border-b border-slate-200 text-xs text-slate-500 dark:border-slate-800">
      {ticks.map((t) => (
        <span key={t.day} className="absolute bottom-1 border-l border-slate-300 pl-1 dark:border-slate-700" style={{ left: pct(fraction(step, t.day)) }}>
          {t.label}
        </span>
      ))}
    </div>
  );
}
