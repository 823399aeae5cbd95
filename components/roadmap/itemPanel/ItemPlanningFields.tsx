"use client";

import { useState } from "react";
import type { ItemPatch } from "../../../lib/model/itemCommands";
import type { Item, Milestone } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { Field, controlClass, inputClass } from "../../ui/Field";
import { RemoveButton } from "../../ui/RemoveButton";
import { formatLongDate } from "../labels";
import { MilestoneOptions } from "./MilestoneOptions";

interface ItemPlanningFieldsProps {
  item: Item;
  milestones: readonly Milestone[];
  readOnly: boolean;
  update: (patch: ItemPatch) => void;
}

/** Links open web pages only: a `javascript:` or `data:` URL someone wrote is shown, never followed. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** Comma-separated text as a list: trimmed, no blanks, no repeats, within the schema's limits. */
export function splitList(raw: string, maxLength: number): string[] {
  return [...new Set(raw.split(",").map((s) => s.trim().slice(0, maxLength)).filter(Boolean))].slice(0, 50);
}

/**
 * The item's planning fields besides its dates: effort, the milestone it must meet, tags and
 * links. Each change is one `updateItem` command, like every other field of the panel.
 */
export function ItemPlanningFields({ item, milestones, readOnly, update }: ItemPlanningFieldsProps) {
  return (
    <>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Effort (person-days)" htmlFor="item-effort">
          <CommitInput
            id="item-effort"
            type="number"
            min={0}
            step="0.5"
            value={String(item.effort)}
            onCommit={(raw) => {
              const n = Number(raw);
              if (raw.trim() !== "" && Number.isFinite(n) && n >= 0) update({ effort: n });
            }}
            className={inputClass}
          />
        </Field>
        <Field label="Deadline" htmlFor="item-deadline">
          <select
            id="item-deadline"
            value={item.deadlineMilestoneId ?? ""}
            onChange={(e) => update({ deadlineMilestoneId: (e.target.value || null) as Item["deadlineMilestoneId"] })}
            className={inputClass}
          >
            <MilestoneOptions milestones={milestones} chosen={item.deadlineMilestoneId} none="No deadline" describe={(m) => `${m.title || "Untitled"} · ${formatLongDate(m.date)}`} />
          </select>
        </Field>
      </div>
      <Field label="Tags" htmlFor="item-tags" hint="Separate tags with commas.">
        <CommitInput id="item-tags" value={item.tags.join(", ")} onCommit={(raw) => update({ tags: splitList(raw, 50) })} className={inputClass} />
      </Field>
      <ItemLinks item={item} readOnly={readOnly} update={update} />
    </>
  );
}

function ItemLinks({ item, readOnly, update }: Omit<ItemPlanningFieldsProps, "milestones">) {
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const trimmed = url.trim();
    if (!isWebUrl(trimmed) || !URL.canParse(trimmed)) return setProblem("A link must be a web address starting with http:// or https://");
    if (item.links.length >= 50) return setProblem("An item holds at most 50 links.");
    update({ links: [...item.links, { url: trimmed.slice(0, 2_000), title: title.trim().slice(0, 200) }] });
    setUrl("");
    setTitle("");
    setProblem(null);
  };
  return (
    <div className="flex flex-col gap-1" data-testid="item-links">
      <span className="text-xs font-medium text-slate-500 dark:text-slate-400">Links</span>
      {item.links.length === 0 && readOnly && <p className="text-xs text-slate-500 dark:text-slate-400">No links.</p>}
      <ul className="flex flex-col gap-1">
        {item.links.map((link, index) => (
          <li key={`${index}:${link.url}`} data-testid="item-link" className="flex items-center gap-2 text-sm">
            {isWebUrl(link.url) ? (
              <a href={link.url} target="_blank" rel="noopener noreferrer nofollow" className="min-w-0 flex-1 truncate text-indigo-600 hover:underline dark:text-indigo-400">
                {link.title || link.url}
              </a>
            ) : (
              <span className="min-w-0 flex-1 truncate text-slate-500">{link.title || link.url}</span>
            )}
            {!readOnly && (
              <RemoveButton label={`Remove link ${link.title || link.url}`} onClick={() => update({ links: item.links.filter((_, i) => i !== index) })} />
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <input aria-label="Link address" type="url" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} />
          <div className="flex gap-1.5">
            <input aria-label="Link title" placeholder="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} className={`min-w-0 flex-1 ${controlClass}`} />
            <button type="submit" disabled={!url.trim()} className="rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800">
              Add link
            </button>
          </div>
          {problem && (
            <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
