"use client";

import { useState, type FormEvent } from "react";
import { PRESENCE_COLORS, type Identity } from "../collab/identity";
import { inputClass } from "../ui/Field";

interface IdentityEditorProps {
  identity: Identity;
  onSave: (next: Identity) => boolean;
  onClose: () => void;
}

/** Until accounts exist, people name themselves; what others see next to their cursor and bars. */
export function IdentityEditor({ identity, onSave, onClose }: IdentityEditorProps) {
  const [name, setName] = useState(identity.name);
  const [color, setColor] = useState(identity.color);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (onSave({ name: name.trim(), color })) onClose();
    else setError("Use 1 to 40 characters.");
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onClose()}
      aria-label="Your name and colour"
      className="absolute right-0 top-full z-50 mt-2 flex w-64 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-xl dark:border-slate-700 dark:bg-slate-900"
    >
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500 dark:text-slate-400">
        Your name, as others see it
        <input autoFocus value={name} maxLength={40} onChange={(e) => setName(e.target.value)} className={inputClass} />
      </label>
      <div role="radiogroup" aria-label="Colour" className="flex flex-wrap gap-1.5">
        {PRESENCE_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={c === color}
            aria-label={c}
            onClick={() => setColor(c)}
            className={`size-6 rounded-full ${c === color ? "ring-2 ring-slate-900 ring-offset-2 dark:ring-white dark:ring-offset-slate-900" : ""}`}
            style={{ background: c }}
          />
        ))}
      </div>
      {error && <p className="text-xs text-rose-600">{error}</p>}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Cancel
        </button>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
          Save
        </button>
      </div>
    </form>
  );
}
