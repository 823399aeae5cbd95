import { ITEM_STATUSES, type ItemStatus, type Lane, type Phase } from "../../../lib/model/schemas";
import { controlClass } from "../../ui/Field";
import { STATUS_LABELS } from "../labels";
import { isFiltered, NO_FILTERS, type Choice, type TableFilters as Filters } from "./tableRows";
import { countOf } from "../../../lib/format/plural";
import { formatCount } from "../../../lib/format/numbers";

interface TableFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  lanes: readonly Lane[];
  phases: readonly Phase[];
  owners: readonly string[];
  shown: number;
  total: number;
  /** The board has a baseline: offer "Slipped since baseline". */
  hasBaseline?: boolean;
}

// A Choice as a select value: "any", "none" or "is:<value>" (owner names are free text, so the
// sentinels cannot be plain names).
const encode = (c: Choice) => (c.kind === "is" ? `is:${c.value}` : c.kind);
const decode = (raw: string): Choice => (raw.startsWith("is:") ? { kind: "is", value: raw.slice(3) } : raw === "none" ? { kind: "none" } : { kind: "any" });

const selectClass = `${controlClass} h-8 max-w-44 py-0 text-xs`;

/** Search and the lane, phase, owner and status filters above the table, with how many rows pass. */
export function TableFilters({ filters, onChange, lanes, phases, owners, shown, total, hasBaseline = false }: TableFiltersProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div role="search" aria-label="Filter items" className="flex shrink-0 flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <span className="relative">
        <svg aria-hidden viewBox="0 0 16 16" className="pointer-events-none absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-slate-400">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          type="search"
          aria-label="Search items"
          placeholder="Search titles, owners, tags"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          className={`${controlClass} h-8 w-60 py-0 pl-7 text-xs`}
        />
      </span>
      <select aria-label="Filter by lane" value={encode(filters.lane)} onChange={(e) => set({ lane: decode(e.target.value) })} className={selectClass}>
        <option value="any">All lanes</option>
        {lanes.map((l) => (
          <option key={l.id} value={`is:${l.id}`}>
            {l.name}
          </option>
        ))}
        <option value="none">No lane</option>
      </select>
      <select aria-label="Filter by phase" value={encode(filters.phase)} onChange={(e) => set({ phase: decode(e.target.value) })} className={selectClass}>
        <option value="any">All phases</option>
        {phases.map((p) => (
          <option key={p.id} value={`is:${p.id}`}>
            {p.name}
          </option>
        ))}
        <option value="none">No phase</option>
      </select>
      <select aria-label="Filter by owner" value={encode(filters.owner)} onChange={(e) => set({ owner: decode(e.target.value) })} className={selectClass}>
        <option value="any">All owners</option>
        {owners.map((o) => (
          <option key={o} value={`is:${o}`}>
            {o}
          </option>
        ))}
        {/* The owner chosen may have left every item meanwhile (an edit elsewhere): keep showing the choice. */}
        {filters.owner.kind === "is" && !owners.includes(filters.owner.value) && <option value={encode(filters.owner)}>{filters.owner.value}</option>}
        <option value="none">No owner</option>
      </select>
      <select
        aria-label="Filter by status"
        value={filters.status ?? ""}
        onChange={(e) => set({ status: (e.target.value || null) as ItemStatus | null })}
        className={selectClass}
      >
        <option value="">All statuses</option>
        {ITEM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      {(hasBaseline || filters.slipped) && (
        <label className="flex items-center gap-1.5 text-xs text-slate-700 dark:text-slate-200">
          <input type="checkbox" data-testid="filter-slipped" checked={filters.slipped} onChange={(e) => set({ slipped: e.target.checked })} />
          Slipped since baseline
        </label>
      )}
      {isFiltered(filters) && (
        <button type="button" onClick={() => onChange(NO_FILTERS)} className="rounded-md px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-500/10">
          Clear filters
        </button>
      )}
      <span className="ml-auto text-xs tabular-nums text-slate-500 dark:text-slate-400" data-testid="table-count" aria-live="polite">
        {shown === total ? countOf(total, "item") : `${formatCount(shown)} of ${countOf(total, "item")}`}
      </span>
    </div>
  );
}
