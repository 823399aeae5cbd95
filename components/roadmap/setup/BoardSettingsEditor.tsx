"use client";

import { useState } from "react";
import type * as Y from "yjs";
import { updateBoard } from "../../../lib/model/boardCommands";
import { isSupportedDate } from "../../../lib/model/dates";
import type { CommandOrigin } from "../../../lib/model/origin";
import type { BoardSettings } from "../../../lib/model/schemas";
import { Field, controlClass, inputClass } from "../../ui/Field";
import { RemoveButton } from "../../ui/RemoveButton";
import { formatLongDate } from "../labels";
import { addButtonClass, ProblemLine, useCommandProblem } from "./setupParts";
import { DateInput, DateProblem, dateRangeProblem, SUPPORTED_DATE_BOUNDS } from "../../ui/DateInput";

interface BoardSettingsEditorProps {
  board: BoardSettings;
  doc: Y.Doc;
  origin: CommandOrigin;
}

const WEEKDAYS: [number, string][] = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [7, "Sun"],
];

/**
 * What the whole board plans against: its goal, the horizon it covers and the working calendar
 * (weekdays and holidays) that every duration and lag is counted in.
 */
export function BoardSettingsEditor({ board, doc, origin }: BoardSettingsEditorProps) {
  const [problem, run] = useCommandProblem();
  const [goal, setGoal] = useState<string | null>(null);
  const [holiday, setHoliday] = useState("");
  const holidays = [...board.holidays].sort();
  return (
    <div data-testid="board-settings-editor" className="flex flex-col gap-4">
      <Field label="Goal" htmlFor="board-goal" hint="The vision the roadmap serves, for everyone who opens it.">
        <textarea
          id="board-goal"
          rows={3}
          maxLength={20_000}
          value={goal ?? board.goal}
          onFocus={() => setGoal(board.goal)}
          onChange={(e) => setGoal(e.target.value)}
          onBlur={() => {
            if (goal !== null && goal !== board.goal) run(updateBoard(doc, origin, { goal }));
            setGoal(null);
          }}
          className={inputClass}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Horizon starts" htmlFor="board-horizon-start">
          <DateInput id="board-horizon-start" value={board.horizonStart} onDate={(horizonStart) => run(updateBoard(doc, origin, { horizonStart }))} className={inputClass} />
        </Field>
        <Field label="Horizon ends" htmlFor="board-horizon-end">
          <DateInput id="board-horizon-end" value={board.horizonEnd} onDate={(horizonEnd) => run(updateBoard(doc, origin, { horizonEnd }))} className={inputClass} />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-500 dark:text-slate-400">Working days</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          {WEEKDAYS.map(([day, label]) => (
            <label key={day} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={board.workingDays.includes(day)}
                onChange={(e) => {
                  const next = e.target.checked ? [...board.workingDays, day] : board.workingDays.filter((d) => d !== day);
                  run(updateBoard(doc, origin, { workingDays: [...new Set(next)].sort((a, b) => a - b) }));
                }}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-500 dark:text-slate-400">Holidays (days nobody works)</span>
        <ul className="flex flex-wrap gap-1.5">
          {holidays.map((day) => (
            <li key={day} data-testid="holiday" className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2.5 pr-1 text-xs dark:bg-slate-800">
              {formatLongDate(day)}
              <RemoveButton label={`Remove holiday ${day}`} onClick={() => run(updateBoard(doc, origin, { holidays: board.holidays.filter((h) => h !== day) }))} />
            </li>
          ))}
        </ul>
        <form
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!isSupportedDate(holiday) || board.holidays.includes(holiday)) return;
            run(updateBoard(doc, origin, { holidays: [...board.holidays, holiday].sort() }));
            setHoliday("");
          }}
        >
          <input aria-label="New holiday" type="date" {...SUPPORTED_DATE_BOUNDS} value={holiday} onChange={(e) => setHoliday(e.target.value)} className={controlClass} />
          <button type="submit" disabled={!isSupportedDate(holiday)} className={addButtonClass}>
            Add holiday
          </button>
        </form>
        <DateProblem problem={dateRangeProblem(holiday)} />
      </div>
      <ProblemLine problem={problem} />
    </div>
  );
}
