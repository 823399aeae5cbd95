import { TIME_SCALES, type TimeScale } from "../../../lib/model/schemas";

const LABELS: Record<TimeScale, string> = { weeks: "Weeks", months: "Months", quarters: "Quarters" };

/** A segmented control: how much time one screen shows. */
export function ZoomControl({ value, onChange }: { value: TimeScale; onChange: (scale: TimeScale) => void }) {
  return (
    <div role="radiogroup" aria-label="Time scale" className="flex rounded-lg bg-slate-100 p-0.5 dark:bg-slate-800">
      {TIME_SCALES.map((scale) => (
        <button
          key={scale}
          type="button"
          role="radio"
          aria-checked={value === scale}
          onClick={() => onChange(scale)}
          className={`rounded-md px-2.5 py-1 text-xs font-medium transition ${
            value === scale
              ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100"
              : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-200"
          }`}
        >
          {LABELS[scale]}
        </button>
      ))}
    </div>
  );
}
