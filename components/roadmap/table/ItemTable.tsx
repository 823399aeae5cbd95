"use client";

import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ItemPatch } from "../../../lib/model/itemCommands";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { TimelineDecor } from "../timeline/Timeline";
import { TableFilters } from "./TableFilters";
import { ROW_HEIGHT, TableRow } from "./TableRow";
import { DEFAULT_SORT, filterItems, nextSort, NO_FILTERS, ownerNames, sortItems, type TableColumn, type TableSort } from "./tableRows";
import { useVirtualRows } from "./useVirtualRows";
import type { BaselineView } from "../history/useBaseline";

interface ItemTableProps {
  snapshot: BoardSnapshot;
  decor: Pick<TimelineDecor, "scheduled" | "conflicts" | "commentCounts">;
  selectedId: string | null;
  peerSelections: ReadonlyMap<string, { name: string; color: string }>;
  onSelect: (itemId: string | null) => void;
  onUpdate: (itemId: string, patch: ItemPatch) => void;
  readOnly: boolean;
  /** The board against its baseline: three more columns and the "slipped" filter; null without one. */
  baseline?: BaselineView | null;
}

const HEADERS: { column: TableColumn; label: string; width: string }[] = [
  { column: "title", label: "Title", width: "auto" },
  { column: "lane", label: "Lane", width: "9rem" },
  { column: "phase", label: "Phase", width: "8rem" },
  { column: "start", label: "Start", width: "9.5rem" },
  { column: "finish", label: "Finish", width: "5.5rem" },
  { column: "duration", label: "Days", width: "4.5rem" },
  { column: "owners", label: "Owners", width: "10rem" },
  { column: "status", label: "Status", width: "8.5rem" },
  { column: "priority", label: "Priority", width: "8.5rem" },
];
/** Shown when the board has a baseline (docs/history.md, "Baseline"). */
const BASELINE_HEADERS: typeof HEADERS = [
  { column: "baselineStart", label: "Baseline start", width: "8.5rem" },
  { column: "baselineFinish", label: "Baseline finish", width: "8.5rem" },
  { column: "variance", label: "Variance", width: "5.5rem" },
];
/** The other columns' 64rem and room for a title: narrower than this, the table scrolls sideways (titles stay put). */
const TABLE_MIN_WIDTH = "82rem";
const TABLE_MIN_WIDTH_WITH_BASELINE = "104.5rem";

/**
 * Items as rows: every field edited in place (the item panel's commands), sorted by any column,
 * filtered by lane, phase, owner, status and text. Only the rows near the view are in the DOM.
 */
export function ItemTable({ snapshot, decor, selectedId, peerSelections, onSelect, onUpdate, readOnly, baseline = null }: ItemTableProps) {
  const [sort, setSort] = useState<TableSort>(DEFAULT_SORT);
  const [filters, setFilters] = useState(NO_FILTERS);
  // Typing in the search box stays responsive on a big board: the list follows a beat behind.
  const deferredFilters = useDeferredValue(filters);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { lanes, phases, items } = snapshot;
  const slips = baseline?.items;
  const context = useMemo(() => ({ lanes, phases, scheduled: decor.scheduled, slips }), [lanes, phases, decor.scheduled, slips]);
  // After "Days": beside the dates they compare with (TableRow draws the cells in the same place).
  const at = HEADERS.findIndex((h) => h.column === "duration") + 1;
  const headers = baseline ? [...HEADERS.slice(0, at), ...BASELINE_HEADERS, ...HEADERS.slice(at)] : HEADERS;
  const rows = useMemo(() => sortItems(filterItems(items, deferredFilters, context), sort, context), [items, deferredFilters, sort, context]);
  const owners = useMemo(() => ownerNames(items), [items]);
  const visible = useVirtualRows(scrollRef, rows.length, ROW_HEIGHT);

  // Bring the selected row into view when it is chosen elsewhere (a change list, the timeline)
  // and lies outside the rows drawn; a row clicked here is already in view and stays put.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!selectedId || !el) return;
    const at = rows.findIndex((r) => r.id === selectedId);
    if (at < 0) return;
    const top = at * ROW_HEIGHT;
    const header = ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight - header) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
    // Only a new selection scrolls; re-sorting under a selected row does not chase it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  return (
    <div className="flex h-full flex-col bg-white dark:bg-slate-950">
      <TableFilters filters={filters} onChange={setFilters} lanes={lanes} phases={phases} owners={owners} shown={rows.length} total={items.length} hasBaseline={baseline !== null} />
      <div ref={scrollRef} data-testid="item-table" className="min-h-0 flex-1 overflow-auto">
        <table aria-label="Items" aria-rowcount={rows.length + 1} className="w-full table-fixed border-separate border-spacing-0 text-sm" style={{ minWidth: baseline ? TABLE_MIN_WIDTH_WITH_BASELINE : TABLE_MIN_WIDTH }}>
          <colgroup>
            {headers.map((h) => (
              <col key={h.column} style={{ width: h.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10">
            <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
              {headers.map((h, i) => {
                const active = sort.column === h.column;
                return (
                  <th
                    key={h.column}
                    scope="col"
                    aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
                    className={`border-b border-slate-200 bg-slate-50 px-1.5 text-left text-xs font-medium text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400 ${i === 0 ? "sticky left-0 z-10 pl-3" : ""}`}
                  >
                    <button
                      type="button"
                      data-testid={`sort-${h.column}`}
                      onClick={() => setSort((s) => nextSort(s, h.column))}
                      className={`flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-1 hover:bg-slate-200/70 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${active ? "text-slate-900 dark:text-slate-100" : ""}`}
                    >
                      {h.label}
                      <SortArrow direction={active ? sort.direction : null} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.start > 0 && <tr aria-hidden style={{ height: visible.start * ROW_HEIGHT }} />}
            {rows.slice(visible.start, visible.end).map((item, k) => {
              const scheduled = decor.scheduled.get(item.id);
              const badge = decor.conflicts.badges.get(item.id);
              const slip = slips?.get(item.id);
              return (
                <TableRow
                  key={item.id}
                  item={item}
                  rowIndex={visible.start + k + 2}
                  lanes={lanes}
                  phases={phases}
                  start={scheduled?.start ?? null}
                  finish={scheduled?.finish ?? null}
                  badgeSeverity={badge?.severity ?? null}
                  badgeCount={badge?.count ?? 0}
                  badgeText={badge?.text ?? ""}
                  commentCount={decor.commentCounts.get(item.id) ?? 0}
                  selected={item.id === selectedId}
                  peer={peerSelections.get(item.id) ?? null}
                  readOnly={readOnly}
                  onUpdate={onUpdate}
                  onSelect={onSelect}
                  showBaseline={baseline !== null}
                  baselineStart={slip?.baseline?.start ?? null}
                  baselineFinish={slip?.baseline?.finish ?? null}
                  variance={slip?.variance ?? null}
                  slipCritical={slip?.critical ?? false}
                />
              );
            })}
            {visible.end < rows.length && <tr aria-hidden style={{ height: (rows.length - visible.end) * ROW_HEIGHT }} />}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="px-4 py-10 text-center text-sm text-slate-500 dark:text-slate-400">
            {items.length === 0 ? "No items on this board yet." : "No item matches these filters."}
          </p>
        )}
      </div>
    </div>
  );
}

function SortArrow({ direction }: { direction: "asc" | "desc" | null }) {
  return (
    <svg aria-hidden viewBox="0 0 10 10" className={`size-2.5 ${direction ? "" : "opacity-0"}`}>
      <path d={direction === "desc" ? "M2 3.5l3 3 3-3" : "M2 6.5l3-3 3 3"} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
