"use client";

import { useId, useState, type InputHTMLAttributes } from "react";
import { FIRST_SUPPORTED_DATE, LAST_SUPPORTED_DATE, outOfRangeMessage } from "../../lib/model/dateRange";
import { isDateString, isSupportedDate, type DateString } from "../../lib/model/dates";

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "onChange" | "value"> & {
  value: string;
  /** Called with whole dates inside the supported range only (docs/dates.md). */
  onDate: (date: DateString) => void;
};

/**
 * Why a typed date cannot be used, or null: a real date outside the supported range gets the
 * range in words. Half-typed or impossible dates get null (the browser reports those as "").
 */
export function dateRangeProblem(value: string): string | null {
  return isDateString(value) && !isSupportedDate(value) ? `${outOfRangeMessage(value)}, so it was not saved.` : null;
}

/** The message under a date field that refused a date. */
export function DateProblem({ id, problem }: { id?: string; problem: string | null }) {
  if (!problem) return null;
  return (
    <p id={id} role="alert" data-testid="date-problem" className="text-xs text-rose-600 dark:text-rose-400">
      {problem}
    </p>
  );
}

/** Bounds for native date pickers, so they do not offer dates outside the range. */
export const SUPPORTED_DATE_BOUNDS = { min: FIRST_SUPPORTED_DATE, max: LAST_SUPPORTED_DATE } as const;

/**
 * A date field over a shared value that writes only complete dates inside the supported range.
 * What is typed stays in the field until it is a date that can be written (so typing a year
 * digit by digit is not reset); a date outside the range is refused with a message under the
 * field, kept after leaving the field (which then shows the shared value again).
 */
export function DateInput({ onDate, value, onBlur, ...rest }: DateInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  return (
    <>
      <input
        {...SUPPORTED_DATE_BOUNDS}
        {...rest}
        type="date"
        value={draft ?? value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : rest["aria-describedby"]}
        onChange={(e) => {
          const typed = e.target.value;
          if (isSupportedDate(typed)) {
            setDraft(null);
            setProblem(null);
            onDate(typed);
            return;
          }
          setDraft(typed);
          setProblem(dateRangeProblem(typed));
        }}
        onBlur={(e) => {
          setDraft(null);
          onBlur?.(e);
        }}
      />
      <DateProblem id={problemId} problem={problem} />
    </>
  );
}
