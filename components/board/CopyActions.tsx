"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { canEditRoadmap, type Role } from "../../lib/protocol/roles";
import { apiRequest } from "../ui/apiRequest";
import { Dialog } from "../ui/Dialog";
import { controlClass } from "../ui/Field";
import { MenuEntry } from "../ui/OverflowMenu";

/**
 * "Duplicate board" for every member (the copy is theirs) and "Save as template" for editors
 * and owners (a template of their own, in their gallery when they create a board), as entries
 * of the board menu and what they open. The server checks both; the menu only leaves out what
 * would be refused.
 */
export function useCopyActions({ boardId, title, role }: { boardId: string; title: string; role: Role }): { entries: (close: () => void) => ReactNode; overlay: ReactNode } {
  const router = useRouter();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function duplicate() {
    setBusy(true);
    setError(null);
    const result = await apiRequest<{ board: { id: string } }>("POST", `/api/boards/${boardId}/duplicate`);
    setBusy(false);
    if (result.ok) router.push(`/boards/${result.value.board.id}`);
    else setNotice(result.error);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await apiRequest<{ name: string }>("POST", `/api/boards/${boardId}/save-as-template`, { name });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setSaving(false);
    setNotice(`Saved "${result.value.name}" to your templates: pick it when you create a roadmap.`);
  }

  const entries = (close: () => void) => (
    <>
      <MenuEntry onSelect={() => void duplicate()} close={close}>
        Duplicate board
      </MenuEntry>
      {canEditRoadmap(role) && (
        <MenuEntry
          onSelect={() => {
            setName(title);
            setSaving(true);
          }}
          close={close}
        >
          Save as template
        </MenuEntry>
      )}
    </>
  );
  const overlay = (
    <>
      {busy && <span className="sr-only" aria-live="polite">Working…</span>}
      {notice && (
        <p role="status" data-testid="copy-notice" className="fixed bottom-4 left-1/2 z-50 -translate-x-1/2 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg" onClick={() => setNotice(null)}>
          {notice}
        </p>
      )}
      {saving && (
        <Dialog open onClose={() => setSaving(false)} title="Save as template" description="A template of your own: its lanes, phases, milestones and items, moved to the week you use it." testId="save-template-dialog">
          <form onSubmit={(e) => void save(e)} className="flex flex-col gap-3">
            <label htmlFor="template-name" className="text-sm font-medium">
              Template name
            </label>
            <input id="template-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required className={controlClass} />
            {error && (
              <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy} className="self-start rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60">
              Save template
            </button>
          </form>
        </Dialog>
      )}
    </>
  );
  return { entries, overlay };
}
