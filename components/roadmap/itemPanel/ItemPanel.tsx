"use client";

import { useState, type ReactNode } from "react";
import { finishDay, type WorkCalendar } from "../../../lib/derive/calendar";
import type { ScheduledItem } from "../../../lib/derive/types";
import { fromDayNumber, toDayNumber } from "../../../lib/model/dates";
import type { ItemPatch } from "../../../lib/model/itemCommands";
import { ITEM_STATUSES, PRIORITIES, type Item, type Lane, type Milestone, type Phase } from "../../../lib/model/schemas";
import type { ItemTab } from "../../comments/useCommentsUi";
import { CommitInput } from "../../ui/CommitInput";
import { titleProblem } from "./fieldRules";
import { Field, inputClass } from "../../ui/Field";
import { PanelFrame } from "../../ui/PanelFrame";
import { ItemDateFields } from "./ItemDateFields";
import { ItemPlanningFields, splitList } from "./ItemPlanningFields";
import { PRIORITY_LABELS, STATUS_LABELS } from "../labels";

interface ItemPanelProps {
  itemId: string;
  /** Undefined when someone else deleted the item while it was open here. */
  item: Item | undefined;
  lanes: Lane[];
  phases: Phase[];
  /** For the item's deadline. */
  milestones: readonly Milestone[];
  calendar: WorkCalendar;
  /** Where the scheduler placed the item; undefined while it is unscheduled. */
  scheduled: ScheduledItem | undefined;
  /** With predecessors, clearing the start hands the item to the scheduler instead of the tray. */
  hasPredecessors: boolean;
  autoFocusTitle: boolean;
  /** Every field shown but disabled; no unschedule or delete. */
  readOnly: boolean;
  onUpdate: (itemId: string, patch: ItemPatch) => void;
  onDelete: (itemId: string) => void;
  onClose: () => void;
  /** Derived facts and dependencies, drawn below the dates. */
  children?: ReactNode;
  /** The item's comment threads, on a second tab; absent for guests. */
  comments?: { tab: ItemTab; onTab: (tab: ItemTab) => void; count: number; content: ReactNode };
  /** The item's history of changes, on a third tab (with the comments: guests have neither). */
  history?: ReactNode;
  /** The collaborative description (ItemDescription), drawn under the title. */
  description?: ReactNode;
}

const TAB_LABELS: Record<ItemTab, string> = { details: "Item", comments: "Comments", history: "History" };

/** The side panel of the selected item. Each field writes one named command when it changes. */
export function ItemPanel(props: ItemPanelProps) {
  const { itemId, item, lanes, phases, milestones, calendar, scheduled, hasPredecessors, autoFocusTitle, readOnly, onUpdate, onDelete, onClose, children, comments, description, history } = props;
  const tabs: ItemTab[] = history ? ["details", "comments", "history"] : ["details", "comments"];
  const requested = comments?.tab ?? "details";
  const tab = tabs.includes(requested) ? requested : "details";
  return (
    <PanelFrame
      testId="item-panel"
      label="Item details"
      closeLabel="Close panel"
      onClose={onClose}
      header={
        comments ? (
          <div role="tablist" aria-label="Item" className="flex h-full gap-3 text-sm">
            {tabs.map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                data-testid={`item-tab-${t}`}
                onClick={() => comments.onTab(t)}
                className={`-mb-px border-b-2 px-0.5 font-semibold ${tab === t ? "border-indigo-500 text-slate-900 dark:text-slate-100" : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100"}`}
              >
                {TAB_LABELS[t]}
                {t === "comments" && comments.count > 0 && (
                  <span className="ml-1 rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">{comments.count}</span>
                )}
              </button>
            ))}
          </div>
        ) : (
          <h2 className="text-sm font-semibold">
            Item
            {readOnly && <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">view only</span>}
          </h2>
        )
      }
    >
      {history && tab === "history" ? (
        <div data-testid="item-history" className="min-h-0 flex-1 overflow-y-auto bg-slate-50 p-3 dark:bg-slate-950">
          {!item && <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">This item was deleted; its history stays readable.</p>}
          {history}
        </div>
      ) : comments && tab === "comments" ? (
        <div data-testid="item-comments" className="min-h-0 flex-1 overflow-y-auto bg-slate-50 p-3 dark:bg-slate-950">
          {!item && <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">This item was deleted; its comments stay readable.</p>}
          {comments.content}
        </div>
      ) : item ? (
        <ItemFields
          key={itemId}
          item={item}
          lanes={lanes}
          phases={phases}
          milestones={milestones}
          calendar={calendar}
          scheduled={scheduled}
          hasPredecessors={hasPredecessors}
          autoFocusTitle={autoFocusTitle}
          readOnly={readOnly}
          update={(patch) => onUpdate(itemId, patch)}
          remove={() => onDelete(itemId)}
          description={description}
        >
          {children}
        </ItemFields>
      ) : (
        <p className="p-4 text-sm text-slate-500 dark:text-slate-400">This item was deleted by someone else.</p>
      )}
    </PanelFrame>
  );
}

interface ItemFieldsProps {
  item: Item;
  lanes: Lane[];
  phases: Phase[];
  milestones: readonly Milestone[];
  calendar: WorkCalendar;
  scheduled: ScheduledItem | undefined;
  hasPredecessors: boolean;
  autoFocusTitle: boolean;
  readOnly: boolean;
  update: (patch: ItemPatch) => void;
  remove: () => void;
  children?: ReactNode;
  description?: ReactNode;
}

function ItemFields(props: ItemFieldsProps) {
  const { item, lanes, phases, milestones, calendar, scheduled, hasPredecessors, autoFocusTitle, readOnly, update, remove, children, description } = props;
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The scheduler's dates when it has them (a start on a day off moves to a working day).
  const finish = scheduled?.finish ?? (item.start ? fromDayNumber(finishDay(calendar, toDayNumber(item.start), item.duration)) : null);
  const laneKnown = item.laneId === null || lanes.some((l) => l.id === item.laneId);
  return (
    // A disabled fieldset disables every control in it, including the dependency section
    // passed in as children: one switch, no field forgotten.
    <fieldset disabled={readOnly} data-testid="item-fields" className="m-0 flex min-w-0 flex-1 flex-col gap-4 overflow-y-auto border-0 p-4">
      <Field label="Title" htmlFor="item-title">
        <CommitInput
          id="item-title"
          value={item.title}
          maxLength={500}
          autoFocus={autoFocusTitle && !readOnly}
          onFocus={(e) => autoFocusTitle && e.currentTarget.select()}
          validate={titleProblem}
          onCommit={(title) => update({ title: title.trim() })}
          className={`${inputClass} font-medium`}
        />
      </Field>
      {description}
      <div className="grid grid-cols-2 gap-3">
        <Field label="Status" htmlFor="item-status">
          <select
            id="item-status"
            value={item.status}
            onChange={(e) => update({ status: e.target.value as Item["status"] })}
            className={inputClass}
          >
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Priority" htmlFor="item-priority">
          <select
            id="item-priority"
            value={item.priority}
            onChange={(e) => update({ priority: e.target.value as Item["priority"] })}
            className={inputClass}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Lane" htmlFor="item-lane">
        <select
          id="item-lane"
          value={item.laneId ?? ""}
          onChange={(e) => update({ laneId: (e.target.value || null) as Item["laneId"] })}
          className={inputClass}
        >
          {(item.laneId === null || !laneKnown) && <option value={item.laneId ?? ""}>No lane</option>}
          {lanes.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Phase" htmlFor="item-phase">
        <select
          id="item-phase"
          value={item.phaseId ?? ""}
          onChange={(e) => update({ phaseId: (e.target.value || null) as Item["phaseId"] })}
          className={inputClass}
        >
          <option value="">No phase</option>
          {phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <ItemDateFields item={item} calendar={calendar} scheduled={scheduled} finish={finish} hasPredecessors={hasPredecessors} readOnly={readOnly} update={update} />
      {children}
      <Field label="Owners" htmlFor="item-owners" hint="Separate names with commas.">
        <CommitInput
          id="item-owners"
          value={item.owners.join(", ")}
          onCommit={(raw) => update({ owners: splitList(raw, 200) })}
          className={inputClass}
        />
      </Field>
      <ItemPlanningFields item={item} milestones={milestones} readOnly={readOnly} update={update} />
      {!readOnly && (
        <div className="mt-auto border-t border-slate-200 pt-4 dark:border-slate-800">
          {confirmDelete ? (
            <div className="flex items-center gap-2">
              <button type="button" onClick={remove} className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-500">
                Delete for everyone
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
                Keep
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)} className="rounded-md px-3 py-1.5 text-sm font-medium text-rose-600 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-500/10">
              Delete item
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
