"use client";

import { useId, useState, type FormEvent } from "react";
import { versionNameSchema } from "../../../lib/protocol/versions";
import { inputClass } from "../../ui/Field";

interface RenameVersionProps {
  name: string;
  /** Saves the new name; resolves with why it was refused, or null. */
  onRename: (name: string) => Promise<string | null>;
  onCancel: () => void;
}

/** A version's name in place, editable: Enter saves, Escape leaves it as it was; a refusal stands under the field. */
export function RenameVersion({ name, onRename, onCancel }: RenameVersionProps) {
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = versionNameSchema.safeParse(draft);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Give the version a name.");
    if (parsed.data === name) return onCancel();
    setError(await onRename(parsed.data));
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex min-w-0 flex-1 flex-col gap-1">
      <input
        aria-label="Version name"
        autoFocus
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && (e.preventDefault(), onCancel())}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      <div className="flex gap-1">
        <button type="submit" className="rounded-md bg-indigo-600 px-2 py-0.5 text-xs font-medium text-white hover:bg-indigo-500">
          Save name
        </button>
        <button type="button" onClick={onCancel} className="rounded-md px-2 py-0.5 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
          Cancel
        </button>
      </div>
    </form>
  );
}
