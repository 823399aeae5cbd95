import { memo } from "react";
import type { PhaseColumn } from "../../../lib/derive/phaseColumns";
import { phaseTint } from "../labels";
import { VoteChip } from "../../workshop/VoteChip";
import { PhaseCard, type PhaseCardProps } from "./PhaseCard";
import { CARD_LIST_ATTR } from "./useCardDrag";
import { countOf } from "../../../lib/format/plural";

interface PhaseColumnViewProps {
  column: PhaseColumn;
  /** Position among the columns: the hit-testing key, and the tint the timeline gives the phase. */
  index: number;
  /** "Mar 3 – Jun 11 · ends in MVP release (Jun 14)" or similar; empty when there is nothing to say. */
  subtitle: string;
  /** Where the drop line is drawn while a card is dragged over this column; null otherwise. */
  dropTop: number | null;
  readOnly: boolean;
  /** The cards' props, top to bottom; the same array while only the drop line moves. */
  cards: readonly PhaseCardProps[];
}

/**
 * One phase as a column: its name, count and dates on top, its cards below in their own scroll
 * box. While a card is dragged only the columns whose drop line moves render again.
 */
export const PhaseColumnView = memo(function PhaseColumnView({ column, index, subtitle, dropTop, readOnly, cards }: PhaseColumnViewProps) {
  const name = column.phase ? column.phase.name || "Phase" : "No phase";
  const count = column.items.length;
  return (
    <section
      aria-label={`${name}, ${countOf(count, "item")}`}
      data-testid="phase-column"
      data-phase-id={column.phase?.id ?? ""}
      className={`flex w-72 min-w-56 shrink flex-col rounded-xl ring-1 ${
        dropTop !== null ? "bg-indigo-50/70 ring-indigo-200 dark:bg-indigo-500/10 dark:ring-indigo-500/30" : "bg-slate-100/80 ring-slate-200 dark:bg-slate-900/70 dark:ring-slate-800"
      }`}
    >
      <header className="flex flex-col gap-0.5 px-3 pb-2 pt-3">
        <div className="flex items-center gap-2">
          <h3
            className={`min-w-0 truncate rounded-md px-2 py-0.5 text-sm font-semibold ${
              column.phase ? phaseTint(index) : "bg-slate-200 text-slate-700 dark:bg-slate-700/60 dark:text-slate-200"
            }`}
          >
            {name}
          </h3>
          <span data-testid="phase-column-count" className="text-xs font-medium tabular-nums text-slate-600 dark:text-slate-400">
            {count}
          </span>
        </div>
        {subtitle && <p className="truncate px-0.5 text-[11px] text-slate-600 dark:text-slate-400" title={subtitle}>{subtitle}</p>}
      </header>
      <div
        {...{ [CARD_LIST_ATTR]: index }}
        // A list only when it holds cards: an empty list with a note in it is not a list.
        {...(count > 0 ? { role: "list", "aria-label": name } : {})}
        className="relative flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-3 pt-1"
      >
        {cards.map((card) => (
          <div role="listitem" key={card.id} className="relative">
            <PhaseCard {...card} />
            <VoteChip itemId={card.id} title={card.title} className="absolute -top-2 right-2 z-10" />
          </div>
        ))}
        {count === 0 && (
          <p className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {readOnly ? "No items in this phase" : "Drag cards here"}
          </p>
        )}
        {dropTop !== null && (
          <div
            data-testid="drop-indicator"
            aria-hidden
            className="pointer-events-none absolute inset-x-1.5 h-1 -translate-y-1/2 rounded-full bg-indigo-500 shadow-[0_0_0_3px_rgb(99_102_241/0.2)]"
            style={{ top: dropTop }}
          />
        )}
      </div>
    </section>
  );
});
