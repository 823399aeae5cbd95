"use client";

import { useState } from "react";
import type { WorkCalendar } from "../../../lib/derive/calendar";
import { durationForFinish } from "../../../lib/derive/durationFromFinish";
import { describeDuration } from "../../../lib/derive/durationWords";
import type { ScheduledItem } from "../../../lib/derive/types";
import type { DateString } from "../../../lib/model/dates";
import type { ItemPatch } from "../../../lib/model/itemCommands";
import type { Item } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { DateInput } from "../../ui/DateInput";
import { Field, inputClass } from "../../ui/Field";
import { formatLongDate } from "../labels";
import { workingDaysOf, workingDaysProblem } from "./fieldRules";

interface ItemDateFieldsProps {
  item: Item;
  calendar: WorkCalendar;
  scheduled: ScheduledItem | undefined;
  /** Its last working day: the scheduler's, or worked out from its pin. */
  finish: DateString | null;
  hasPredecessors: boolean;
  readOnly: boolean;
  update: (patch: ItemPatch) => void;
}

/**
 * When an item happens (docs/scheduling.md): its start (its pin), its finish and its duration
 * in working days, and one sentence on what pinned or auto-scheduled means for it. The model
 * stores a start and a duration; a finish typed here writes the duration that reaches it.
 */
export function ItemDateFields({ item, calendar, scheduled, finish, hasPredecessors, readOnly, update }: ItemDateFieldsProps) {
  const [finishProblem, setFinishProblem] = useState<string | null>(null);
  const start = scheduled?.start ?? item.start;
  const words = describeDuration(item.duration, calendar);
  const setFinish = (date: DateString) => {
    if (!start) return;
    const duration = durationForFinish(calendar, start, date);
    if (duration === null) return setFinishProblem(`The finish must be on or after the start (${formatLongDate(start)}).`);
    setFinishProblem(null);
    if (duration !== item.duration) update({ duration });
  };
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Start" htmlFor="item-start">
          <DateInput id="item-start" value={item.start ?? ""} onDate={(date) => update({ start: date })} className={inputClass} />
        </Field>
        <Field label="Finish" htmlFor="item-finish">
          <DateInput
            id="item-finish"
            value={start ? (finish ?? "") : ""}
            disabled={!start || readOnly}
            title={start ? "The last working day: setting it sets the working days" : "Give it a start first"}
            onDate={setFinish}
            className={inputClass}
          />
        </Field>
      </div>
      {finishProblem && (
        <p role="alert" data-testid="finish-problem" className="-mt-2 text-xs text-rose-600 dark:text-rose-400">
          {finishProblem}
        </p>
      )}
      <div className="grid grid-cols-2 items-end gap-3">
        <Field label="Working days" htmlFor="item-duration">
          <CommitInput
            id="item-duration"
            // Text, not type=number: a number field would hide "abc" or "2.5" instead of saying why.
            inputMode="numeric"
            value={String(item.duration)}
            validate={workingDaysProblem}
            onCommit={(raw) => update({ duration: workingDaysOf(raw) })}
            className={inputClass}
          />
        </Field>
        {/* Only once a count of working days stops meaning much on its own. */}
        {words.includes("≈") && (
          <p data-testid="item-duration-words" className="pb-2 text-xs text-slate-500 dark:text-slate-400">
            {words}
          </p>
        )}
      </div>
      <div className="-mt-2 flex flex-col gap-1 text-xs text-slate-500 dark:text-slate-400">
        <p data-testid="item-schedule">
          {start && finish ? (
            <>
              {formatLongDate(start)} → {formatLongDate(finish)}
              {item.start && !readOnly && (
                <button
                  type="button"
                  onClick={() => update({ start: null })}
                  title={hasPredecessors ? "Let the scheduler place it right after its predecessors" : "Take it off the timeline, into the unscheduled tray"}
                  className="ml-2 text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {hasPredecessors ? "Unpin" : "Unschedule"}
                </button>
              )}
            </>
          ) : readOnly ? (
            "Unscheduled: no start date yet."
          ) : (
            "Unscheduled: pick a start date, or add a predecessor, to place it on the timeline."
          )}
        </p>
        {scheduled && (
          <p data-testid="item-pin-explained">
            {item.start
              ? hasPredecessors
                ? "Pinned: it starts on this date whatever its predecessors do."
                : "Pinned: it starts on this date."
              : `Auto-scheduled: it starts as soon as its predecessors finish, and moves with them.${readOnly ? "" : " Pick a start to pin it."}`}
          </p>
        )}
      </div>
    </>
  );
}
