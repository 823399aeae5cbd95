"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { EMPTY_TEMPLATE, type TemplateGallery as Gallery } from "../../lib/protocol/templates";
import { apiRequest } from "../ui/apiRequest";
import { TemplateGallery } from "./TemplateGallery";

/**
 * Creates a board from a template of the gallery and opens it. The server validates the title
 * and the template (one rule, one place); this form only shows what it answered.
 */
export function CreateBoardForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState(EMPTY_TEMPLATE);
  const [gallery, setGallery] = useState<Gallery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    void apiRequest<Gallery>("GET", "/api/templates").then((result) => {
      if (!live) return;
      if (result.ok) setGallery(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  async function deleteTemplate(id: string) {
    setPending(true);
    const result = await apiRequest("DELETE", `/api/templates/${encodeURIComponent(id)}`);
    if (!result.ok) setError(result.error);
    const reloaded = await apiRequest<Gallery>("GET", "/api/templates");
    if (reloaded.ok) setGallery(reloaded.value);
    if (template === id) setTemplate(EMPTY_TEMPLATE);
    setPending(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/boards", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title, template }),
      });
      const body = (await response.json().catch(() => ({}))) as { board?: { id: string }; error?: string };
      if (!response.ok || !body.board) {
        setError(body.error ?? `Could not create the board (HTTP ${response.status}).`);
        setPending(false);
        return;
      }
      router.push(`/boards/${body.board.id}`);
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Create a roadmap">
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-board-title" className="sr-only">
          Roadmap title
        </label>
        <input
          id="new-board-title"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="e.g. Citizen portal 2027"
          maxLength={200}
          required
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
        >
          {pending ? "Creating…" : "Create roadmap"}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <TemplateGallery gallery={gallery} value={template} onChange={setTemplate} onDelete={(id) => void deleteTemplate(id)} busy={pending} />
    </form>
  );
}
