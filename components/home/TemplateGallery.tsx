"use client";

import type { TemplateCard, TemplateGallery as Gallery } from "../../lib/protocol/templates";

interface TemplateGalleryProps {
  gallery: Gallery | null;
  value: string;
  onChange: (id: string) => void;
  onDelete: (id: string) => void;
  busy: boolean;
}

/**
 * The templates to start a board from: the built-in ones (the empty method board first), then
 * "Your templates". One radio group, so the keyboard moves through it with the arrow keys.
 */
export function TemplateGallery({ gallery, value, onChange, onDelete, busy }: TemplateGalleryProps) {
  if (!gallery) return <p className="text-xs text-slate-500 dark:text-slate-400">Loading templates…</p>;
  const card = (t: TemplateCard, own: boolean) => (
    <li key={t.id} className="relative">
      <label
        data-testid="template-card"
        data-template-id={t.id}
        className={`flex h-full cursor-pointer flex-col gap-1 rounded-lg border p-3 text-sm ${
          value === t.id ? "border-indigo-500 bg-indigo-50 ring-2 ring-indigo-500/20 dark:bg-indigo-500/10" : "border-slate-200 hover:border-slate-300 dark:border-slate-700"
        }`}
      >
        <span className="flex items-center gap-2 font-medium">
          <input type="radio" name="template" value={t.id} checked={value === t.id} onChange={() => onChange(t.id)} className="accent-indigo-600" />
          {t.name}
        </span>
        {!own && <span className="text-xs text-slate-600 dark:text-slate-300">{t.summary}</span>}
      </label>
      {own && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onDelete(t.id)}
          aria-label={`Delete template ${t.name}`}
          className="absolute right-2 top-2 rounded px-1.5 text-xs text-rose-600 hover:bg-rose-50 disabled:opacity-50 dark:text-rose-400 dark:hover:bg-rose-500/10"
        >
          Delete
        </button>
      )}
    </li>
  );
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Start from</legend>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Templates">
        {gallery.builtIn.map((t) => card(t, false))}
      </ul>
      {gallery.own.length > 0 && (
        <>
          <h3 className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Your templates</h3>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your templates">
            {gallery.own.map((t) => card(t, true))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
