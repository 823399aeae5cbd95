import type { ItemStatus, Priority } from "../../lib/model/schemas";
import { presenceColorFor } from "../../lib/protocol/presenceColor";
import { Avatar } from "../board/Avatar";
import { PRIORITY_LABELS } from "./labels";

/** MoSCoW at a glance: the stronger the tint, the more the item belongs in the cut. Full class names for Tailwind. */
const PRIORITY_CHIP: Record<Priority, string> = {
  must: "bg-violet-100 text-violet-800 dark:bg-violet-500/20 dark:text-violet-200",
  should: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-200",
  could: "bg-slate-100 text-slate-700 dark:bg-slate-700/60 dark:text-slate-200",
  wont: "bg-transparent text-slate-500 ring-1 ring-inset ring-slate-300 line-through dark:text-slate-400 dark:ring-slate-600",
};

const PRIORITY_SHORT: Record<Priority, string> = { must: "Must", should: "Should", could: "Could", wont: "Won't" };

export function PriorityChip({ priority }: { priority: Priority }) {
  return (
    <span title={PRIORITY_LABELS[priority]} className={`shrink-0 rounded px-1.5 py-px text-[10px] font-semibold ${PRIORITY_CHIP[priority]}`}>
      {PRIORITY_SHORT[priority]}
    </span>
  );
}

/**
 * Owners as overlapping initials, each name in a colour of its own (the same on every screen),
 * at most `max` and a "+n"; the names themselves in the tooltip and for screen readers.
 */
export function OwnerAvatars({ owners, max = 3 }: { owners: readonly string[]; max?: number }) {
  if (owners.length === 0) return null;
  const shown = owners.slice(0, max);
  return (
    <span className="flex shrink-0 items-center -space-x-1" title={owners.join(", ")}>
      <span className="sr-only">Owners: {owners.join(", ")}</span>
      {shown.map((owner) => (
        <Avatar key={owner} name={owner} color={presenceColorFor(`owner:${owner}`)} size={22} />
      ))}
      {owners.length > max && (
        <span aria-hidden className="z-10 inline-flex h-[22px] items-center rounded-full bg-slate-200 px-1.5 text-[10px] font-semibold text-slate-700 ring-2 ring-white dark:bg-slate-700 dark:text-slate-200 dark:ring-slate-900">
          +{owners.length - max}
        </span>
      )}
    </span>
  );
}

/** Status as a dot: hollow planned, filled (lane colour) in progress, green done, red at risk. */
export function StatusDot({ status, color }: { status: ItemStatus; color: string }) {
  if (status === "done") return <span aria-hidden className="size-2 shrink-0 rounded-full bg-emerald-500" />;
  if (status === "at_risk") return <span aria-hidden className="size-2 shrink-0 rounded-full bg-rose-500" />;
  if (status === "in_progress") return <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: color }} />;
  return <span aria-hidden className="size-2 shrink-0 rounded-full border-[1.5px]" style={{ borderColor: color }} />;
}
