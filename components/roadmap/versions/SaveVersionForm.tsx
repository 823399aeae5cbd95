"use client";

import { useId, useState, type FormEvent } from "react";
import { MAX_VERSION_NOTE, versionNameSchema, versionNoteSchema } from "../../../lib/protocol/versions";
import { Field, inputClass } from "../../ui/Field";
import type { VersionActions } from "./useVersionActions";
import { DialogActions } from "../../ui/DialogActions";
import { FormError } from "../../ui/FormError";

/**
 * "Save version": the board as it is now under a name, with an optional note. The name is
 * checked here with the server's own rules (so the message stands at the field at once), and a
 * refusal from the server is shown at the field it concerns.
 */
export function SaveVersionForm({ save, onSaved }: { save: VersionActions["save"]; onSaved: (name: string) => void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ name?: string; note?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="w-full rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
      >
        Save version
      </button>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsedName = versionNameSchema.safeParse(name);
    const parsedNote = versionNoteSchema.safeParse(note);
    const found = { name: parsedName.success ? undefined : parsedName.error.issues[0]?.message, note: parsedNote.success ? undefined : parsedNote.error.issues[0]?.message };
    setErrors(found);
    if (!parsedName.success || !parsedNote.success) return;
    setBusy(true);
    const result = await save({ name: parsedName.data, ...(parsedNote.data ? { note: parsedNote.data } : {}) });
    setBusy(false);
    if (!result.ok) {
      // A 422 is about what was typed; anything else (no longer an editor, offline) is about the form.
      setErrors(result.status === 422 ? { [/note/i.test(result.error) ? "note" : "name"]: result.error } : { form: result.error });
      return;
    }
    setName("");
    setNote("");
    setOpen(false);
    onSaved(parsedName.data);
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Save version" className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <Field label="Name" htmlFor={`${id}-name`}>
        <input
          id={`${id}-name`}
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Agreed in the March workshop"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          className={inputClass}
        />
        {errors.name && (
          <p id={`${id}-name-error`} role="alert" className="text-xs text-rose-700 dark:text-rose-300">
            {errors.name}
          </p>
        )}
      </Field>
      <Field label="Note (optional)" htmlFor={`${id}-note`}>
        <textarea
          id={`${id}-note`}
          value={note}
          rows={2}
          maxLength={MAX_VERSION_NOTE + 100}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          className={inputClass}
        />
        {errors.note && (
          <p id={`${id}-note-error`} role="alert" className="text-xs text-rose-700 dark:text-rose-300">
            {errors.note}
          </p>
        )}
      </Field>
      <FormError message={errors.form} />
      <DialogActions onCancel={() => setOpen(false)} label="Save" busyLabel="Saving…" busy={busy} />
    </form>
  );
}
