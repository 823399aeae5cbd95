"use client";

import { useMemo, useState } from "react";
import type { Dependency, Item } from "../../../lib/model/schemas";
import { CommitInput } from "../../ui/CommitInput";
import { inputClass } from "../../ui/Field";
import { RemoveButton } from "../../ui/RemoveButton";

/** inputClass is full width; lags are short numbers that must leave the titles room. */
const lagInputClass =
  "w-14 rounded-md border border-slate-300 bg-white px-1.5 py-0.5 text-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-slate-700 dark:bg-slate-900";

/** The dependency commands as the panel uses them: each returns why it was refused, or null. */
export interface DependencyActions {
  add: (fromId: string, toId: string, lag: number) => string | null;
  remove: (dependencyId: string) => string | null;
  setLag: (dependencyId: string, lag: number) => string | null;
}

interface DependencySectionProps {
  itemId: string;
  items: readonly Item[];
  dependencies: readonly Dependency[];
  /** Links drawn red on the timeline (not respected, or in a cycle). */
  brokenLinks: ReadonlySet<string>;
  actions: DependencyActions;
  /** Links listed with their lags, but nothing to add or remove. */
  readOnly: boolean;
}

const byTitle = (a: Item, b: Item) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1);

/** Predecessors and successors of one item, with their lags, and a way to add a predecessor. */
export function DependencySection({ itemId, items, dependencies, brokenLinks, actions, readOnly }: DependencySectionProps) {
  const [error, setError] = useState<string | null>(null);
  const titleOf = useMemo(() => new Map(items.map((i) => [i.id as string, i.title || "Untitled item"])), [items]);
  const predecessors = dependencies.filter((d) => d.toId === itemId);
  const successors = dependencies.filter((d) => d.fromId === itemId);
  const report = (refused: string | null) => setError(refused);

  return (
    <section aria-labelledby="deps-heading" data-testid="dependency-section" className="flex flex-col gap-2">
      <h3 id="deps-heading" className="text-xs font-medium text-slate-500 dark:text-slate-400">
        Dependencies
      </h3>
      <LinkList
        label="Waits for"
        empty="Nothing: it can start any time."
        links={predecessors}
        other={(d) => titleOf.get(d.fromId) ?? "A deleted item"}
        brokenLinks={brokenLinks}
        actions={actions}
        readOnly={readOnly}
        report={report}
      />
      <LinkList
        label="Then"
        empty="Nothing waits for it."
        links={successors}
        other={(d) => titleOf.get(d.toId) ?? "A deleted item"}
        brokenLinks={brokenLinks}
        actions={actions}
        readOnly={readOnly}
        report={report}
      />
      {!readOnly && (
        <AddPredecessor itemId={itemId} items={items} predecessors={predecessors} onAdd={(from, lag) => {
          const refused = actions.add(from, itemId, lag);
          report(refused);
          return refused === null;
        }} />
      )}
      {error && (
        <p role="alert" data-testid="dependency-error" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </section>
  );
}

interface LinkListProps {
  label: string;
  empty: string;
  links: Dependency[];
  other: (d: Dependency) => string;
  brokenLinks: ReadonlySet<string>;
  actions: DependencyActions;
  readOnly: boolean;
  report: (refused: string | null) => void;
}

function LinkList({ label, empty, links, other, brokenLinks, actions, readOnly, report }: LinkListProps) {
  return (
    <div>
      <p className="text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      {links.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-1">
          {links.map((d) => (
            <li key={d.id} data-testid="dependency" className="flex items-center gap-2 text-sm">
              <span
                className={`min-w-0 flex-1 truncate ${brokenLinks.has(d.id) ? "text-rose-600 dark:text-rose-400" : ""}`}
                title={brokenLinks.has(d.id) ? "This link is not respected" : undefined}
              >
                {other(d)}
              </span>
              <label className="flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
                lag
                <CommitInput
                  type="number"
                  aria-label={`Lag after ${other(d)}`}
                  value={String(d.lag)}
                  onCommit={(raw) => report(actions.setLag(d.id, Number(raw)))}
                  className={lagInputClass}
                />
              </label>
              {!readOnly && (
                <RemoveButton label={`Remove link with ${other(d)}`} onClick={() => report(actions.remove(d.id))} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface AddPredecessorProps {
  itemId: string;
  items: readonly Item[];
  predecessors: Dependency[];
  /** True when the link was added. */
  onAdd: (fromId: string, lag: number) => boolean;
}

function AddPredecessor({ itemId, items, predecessors, onAdd }: AddPredecessorProps) {
  const [fromId, setFromId] = useState("");
  const [lag, setLag] = useState("0");
  const choices = useMemo(() => {
    const taken = new Set<string>(predecessors.map((d) => d.fromId));
    return items.filter((i) => i.id !== itemId && !taken.has(i.id)).sort(byTitle);
  }, [items, itemId, predecessors]);
  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (fromId && onAdd(fromId, Number(lag))) {
          setFromId("");
          setLag("0");
        }
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-slate-500 dark:text-slate-400">
        Add predecessor
        <select value={fromId} onChange={(e) => setFromId(e.target.value)} className={`${inputClass} h-7 py-0 text-xs`}>
          <option value="">Choose an item…</option>
          {choices.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title || "Untitled item"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-slate-500 dark:text-slate-400">
        Lag
        <input type="number" value={lag} onChange={(e) => setLag(e.target.value)} className={`${lagInputClass} h-7`} />
      </label>
      <button
        type="submit"
        disabled={!fromId}
        className="h-7 rounded-md bg-indigo-600 px-2.5 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-40"
      >
        Add
      </button>
    </form>
  );
}
