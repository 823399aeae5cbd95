"use client";

import type { ImportCounts, ImportRowError } from "../../lib/protocol/importExport";
import { errorLine } from "./importPlan";

const MAX_WARNINGS = 20;
const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;

/** What the preview found: the counts, the warnings, and each row's error in words. */
export function ImportProblems({
  errors,
  warnings,
  counts,
  serverMessage,
  refusedByServer,
}: {
  errors: readonly ImportRowError[];
  warnings: readonly string[];
  counts: ImportCounts | null;
  serverMessage: string | null;
  refusedByServer: boolean;
}) {
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="import-problems">
      {errors.length > 0 ? (
        <div role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-rose-800 dark:bg-rose-500/10 dark:text-rose-200" data-testid="import-errors">
          <p className="font-medium">
            {refusedByServer && serverMessage ? `${serverMessage} ` : ""}
            {errors.length === 1 ? "1 problem" : `${errors.length} problems`} to fix before anything is imported:
          </p>
          <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5">
            {errors.map((e, i) => (
              <li key={i}>{errorLine(e)}</li>
            ))}
          </ul>
        </div>
      ) : (
        counts && (
          <p data-testid="import-counts">
            Ready to import <strong>{plural(counts.items, "item")}</strong>, {plural(counts.lanes, "lane")}, {plural(counts.phases, "phase")}, {plural(counts.milestones, "milestone")} and{" "}
            {plural(counts.dependencies, "link")}.
          </p>
        )
      )}
      {warnings.length > 0 && (
        <div className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-500/10 dark:text-amber-200" data-testid="import-warnings">
          <p className="font-medium">{warnings.length === 1 ? "1 thing to know" : `${warnings.length} things to know`}:</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.slice(0, MAX_WARNINGS).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
            {warnings.length > MAX_WARNINGS && <li>and {warnings.length - MAX_WARNINGS} more.</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
