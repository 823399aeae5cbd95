"use client";

import { CSV_FIELDS, type CsvField } from "../../lib/io/csvFields";
import type { CsvMapping } from "../../lib/io/csvImport";
import type { CsvColumns } from "./importPlan";

/** The words for each field a column can fill. */
const FIELD_LABELS: Record<CsvField, string> = {
  id: "ID",
  title: "Title",
  lane: "Lane",
  phase: "Phase",
  start: "Start",
  finish: "Finish",
  duration: "Duration",
  owners: "Owners",
  status: "Status",
  priority: "Priority",
  tags: "Tags",
  predecessors: "Predecessors",
  milestone: "Milestone",
  effort: "Effort",
  description: "Description",
};

/**
 * The CSV mapping step: each column's header, its first values, and the field it fills (the
 * guess from its header, which the person corrects; "Ignore" leaves the column out).
 */
export function CsvMappingTable({ columns, mapping, onChange }: { columns: CsvColumns; mapping: CsvMapping; onChange: (mapping: CsvMapping) => void }) {
  return (
    <table className="w-full text-left text-sm" data-testid="csv-mapping">
      <caption className="sr-only">Columns of the file and the field each fills</caption>
      <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Column</th>
          <th scope="col" className="py-1 pr-3 font-medium">First values</th>
          <th scope="col" className="py-1 font-medium">Imported as</th>
        </tr>
      </thead>
      <tbody>
        {columns.headers.map((header, i) => (
          <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
            <th scope="row" className="max-w-40 truncate py-1.5 pr-3 font-medium" title={header}>
              {header || `Column ${i + 1}`}
            </th>
            <td className="max-w-56 truncate py-1.5 pr-3 text-slate-600 dark:text-slate-300" title={columns.samples[i]?.join(" · ")}>
              {columns.samples[i]?.length ? columns.samples[i]!.join(" · ") : <span className="text-slate-500 dark:text-slate-400">(empty)</span>}
            </td>
            <td className="py-1.5">
              <select
                aria-label={`Import column “${header || `Column ${i + 1}`}” as`}
                value={mapping[i] ?? ""}
                onChange={(e) => {
                  const next = [...mapping];
                  next[i] = (e.target.value || null) as CsvField | null;
                  onChange(next);
                }}
                className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              >
                <option value="">Ignore</option>
                {CSV_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {FIELD_LABELS[f]}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
