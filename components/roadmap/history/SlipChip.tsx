import type { SlipTone } from "./baselineGhosts";

/** Slip chips: red where a deadline or release slips (docs/history.md, "Baseline"), amber when later, green when earlier. */
const TONE_TEXT: Record<SlipTone, string> = {
  critical: "bg-rose-600 text-white dark:bg-rose-500",
  late: "bg-amber-100 text-amber-900 ring-1 ring-amber-300 dark:bg-amber-500/20 dark:text-amber-100 dark:ring-amber-500/40",
  early: "bg-emerald-100 text-emerald-900 ring-1 ring-emerald-300 dark:bg-emerald-500/20 dark:text-emerald-100 dark:ring-emerald-500/40",
};

/** A slip chip ("+3 wd"), red where a deadline or release slips. */
export function SlipChip({ label, tone, className = "" }: { label: string; tone: SlipTone; className?: string }) {
  return (
    <span
      data-testid="slip-label"
      data-tone={tone}
      title={tone === "critical" ? "Slipped since the baseline, past a deadline or release agreed in it" : tone === "late" ? "Later than in the baseline (working days)" : "Earlier than in the baseline (working days)"}
      className={`whitespace-nowrap rounded px-1 text-[10px] font-semibold leading-3.5 ${TONE_TEXT[tone]} ${className}`}
    >
      {label}
    </span>
  );
}
