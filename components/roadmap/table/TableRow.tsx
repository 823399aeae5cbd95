import { memo, type MouseEvent } from "react";
import { ItemProposalBadges } from "../../proposals/ProposeItemButton";
import type { Severity } from "../../../lib/derive/types";
import type { ItemPatch } from "../../../lib/model/itemCommands";
import { ITEM_STATUSES, PRIORITIES, type Item, type Lane, type Phase } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { titleProblem, workingDaysOf, workingDaysProblem } from "../itemPanel/fieldRules";
import { SEVERITY_DOT } from "../conflicts/conflictLabels";
import { CommentBadge } from "../timeline/ItemBar";
import { OwnerAvatars, PriorityChip, StatusDot } from "../itemChips";
import { formatShortDate, PRIORITY_LABELS, STATUS_LABELS } from "../labels";
import { CellSelect, cellInput } from "./cells";
import { DateInput } from "../../ui/DateInput";
import { VoteChip } from "../../workshop/VoteChip";
import { BaselineCells } from "../history/BaselineCells";

export const ROW_HEIGHT = 40;

export interface TableRowProps {
  item: Item;
  /** 1-based position among all rows (headers are row 1), for screen readers when rows are windowed. */
  rowIndex: number;
  lanes: readonly Lane[];
  phases: readonly Phase[];
  /** Where the scheduler placed the item; null while it is unscheduled. */
  start: string | null;
  finish: string | null;
  badgeSeverity: Severity | null;
  badgeCount: number;
  badgeText: string;
  commentCount: number;
  selected: boolean;
  peer: { name: string; color: string } | null;
  readOnly: boolean;
  /** Writes one updateItem, as the item panel does. */
  onUpdate: (itemId: string, patch: ItemPatch) => void;
  /** The baseline's columns are drawn (the board has a baseline), with these values (history/BaselineCells). */
  showBaseline?: boolean;
  baselineStart?: string | null;
  baselineFinish?: string | null;
  variance?: number | null;
  slipCritical?: boolean;
  onSelect: (itemId: string) => void;
}

const splitOwners = (raw: string) => [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))].slice(0, 50);

/**
 * One item as a table row. Editors get a control in every editable cell (each change writes one
 * named command); viewers get text. A click on the row outside a control opens the item panel.
 */
export const TableRow = memo(function TableRow(props: TableRowProps) {
  const { item, rowIndex, lanes, phases, start, finish, selected, peer, readOnly, onUpdate, onSelect } = props;
  const { badgeSeverity, badgeCount, badgeText, commentCount, showBaseline = false } = props;
  const update = (patch: ItemPatch) => onUpdate(item.id, patch);
  const title = item.title || "Untitled item";
  const lane = lanes.find((l) => l.id === item.laneId);
  const phase = phases.find((p) => p.id === item.phaseId);
  const onRowClick = (e: MouseEvent) => {
    if (!(e.target as HTMLElement).closest("input, select, button")) onSelect(item.id);
  };
  const label = (field: string) => `${field} of ${title}`;
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selected}
      data-testid="table-row"
      data-item-id={item.id}
      onClick={onRowClick}
      style={{ height: ROW_HEIGHT }}
      className={`group ${readOnly ? "cursor-pointer" : ""} ${
        // Opaque colours: the sticky title cell inherits them and must hide what scrolls under it.
        selected ? "bg-indigo-50 dark:bg-[#161a3a]" : "bg-white hover:bg-slate-50 dark:bg-slate-950 dark:hover:bg-slate-900"
      } [&>td]:border-b [&>td]:border-slate-100 [&>td]:px-1.5 dark:[&>td]:border-slate-800/80`}
    >
      <td className="sticky left-0 z-[1] bg-inherit pl-3!" style={{ boxShadow: peer && !selected ? `inset 3px 0 0 ${peer.color}` : undefined }}>
        <div className="flex min-w-0 items-center gap-1.5">
          <span aria-hidden className="h-5 w-1 shrink-0 rounded-full" style={{ background: lane?.color ?? "#94a3b8" }} />
          {readOnly ? (
            <span className="min-w-0 flex-1 truncate font-medium">{title}</span>
          ) : (
            <CommitInput
              aria-label={label("Title")}
              value={item.title}
              maxLength={500}
              validate={titleProblem}
              onCommit={(value) => update({ title: value.trim() })}
              className={`${cellInput} min-w-0 flex-1 font-medium`}
            />
          )}
          {badgeSeverity && (
            <span
              data-testid="conflict-badge"
              title={badgeText}
              className={`flex h-3.5 min-w-3.5 shrink-0 items-center justify-center rounded-full px-0.5 text-[9px] font-bold leading-none text-white ${SEVERITY_DOT[badgeSeverity]}`}
            >
              {badgeCount}
            </span>
          )}
          {commentCount > 0 && <CommentBadge count={commentCount} inline />}
          <ItemProposalBadges itemId={item.id} />
          <VoteChip itemId={item.id} title={item.title} className="shrink-0" />
          {peer && <span className="shrink-0 rounded px-1 text-[10px] font-semibold leading-4 text-white" style={{ background: peer.color }}>{peer.name}</span>}
          <button
            type="button"
            aria-label={`Open ${title}`}
            title="Open the item's details and comments"
            data-testid="open-item"
            onClick={() => onSelect(item.id)}
            className={`shrink-0 rounded p-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700 focus-visible:opacity-100 dark:hover:bg-slate-700 dark:hover:text-slate-100 ${selected ? "opacity-100" : "opacity-0 group-hover:opacity-100"}`}
          >
            <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
              <path d="M9 3h4v4M13 3L7.5 8.5M11 9.5V13H3V5h3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
      </td>
      <td>
        {readOnly ? (
          <span className="block truncate">{lane?.name ?? "No lane"}</span>
        ) : (
          <CellSelect aria-label={label("Lane")} value={item.laneId ?? ""} onChange={(v) => update({ laneId: (v || null) as Item["laneId"] })}>
            {(item.laneId === null || !lane) && <option value={item.laneId ?? ""}>No lane</option>}
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </CellSelect>
        )}
      </td>
      <td>
        {readOnly ? (
          <span className="block truncate">{phase?.name ?? "No phase"}</span>
        ) : (
          <CellSelect aria-label={label("Phase")} value={phase ? item.phaseId! : ""} onChange={(v) => update({ phaseId: (v || null) as Item["phaseId"] })}>
            <option value="">No phase</option>
            {phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </CellSelect>
        )}
      </td>
      <td title={item.start === null && start ? `Placed after its dependencies: ${formatShortDate(start)}` : undefined}>
        {readOnly ? (
          <span className="tabular-nums">{start ? formatShortDate(start) : "Unscheduled"}</span>
        ) : (
          <DateInput
            aria-label={label("Start")}
            value={item.start ?? ""}
            onDate={(start) => update({ start })}
            className={`${cellInput} w-full tabular-nums ${item.start === null ? "text-slate-500 dark:text-slate-400" : ""}`}
          />
        )}
      </td>
      <td className="tabular-nums text-slate-600 dark:text-slate-300">{finish ? formatShortDate(finish) : "—"}</td>
      <td>
        {readOnly ? (
          <span className="tabular-nums">{item.duration}</span>
        ) : (
          <CommitInput
            inputMode="numeric"
            aria-label={label("Working days")}
            value={String(item.duration)}
            validate={workingDaysProblem}
            onCommit={(raw) => update({ duration: workingDaysOf(raw) })}
            className={`${cellInput} w-full tabular-nums`}
          />
        )}
      </td>
      {/* Beside the dates they compare with, so the slip reads without scrolling sideways. */}
      {showBaseline && <BaselineCells start={props.baselineStart ?? null} finish={props.baselineFinish ?? null} variance={props.variance ?? null} critical={props.slipCritical ?? false} />}
      <td>
        {readOnly ? (
          <span className="flex min-w-0 items-center gap-1.5">
            <OwnerAvatars owners={item.owners} max={2} />
            <span className="truncate text-slate-600 dark:text-slate-300">{item.owners.join(", ")}</span>
          </span>
        ) : (
          <CommitInput
            aria-label={label("Owners")}
            placeholder="Owners"
            value={item.owners.join(", ")}
            onCommit={(raw) => update({ owners: splitOwners(raw) })}
            className={`${cellInput} w-full`}
          />
        )}
      </td>
      <td>
        <span className="flex items-center gap-1.5">
          <StatusDot status={item.status} color={lane?.color ?? "#94a3b8"} />
          {readOnly ? (
            <span>{STATUS_LABELS[item.status]}</span>
          ) : (
            <CellSelect aria-label={label("Status")} value={item.status} onChange={(v) => update({ status: v as Item["status"] })}>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </CellSelect>
          )}
        </span>
      </td>
      <td className="pr-3!">
        {readOnly ? (
          <PriorityChip priority={item.priority} />
        ) : (
          <CellSelect aria-label={label("Priority")} value={item.priority} onChange={(v) => update({ priority: v as Item["priority"] })}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </CellSelect>
        )}
      </td>
    </tr>
  );
});
