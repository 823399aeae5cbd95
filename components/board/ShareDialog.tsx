"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { formatDateTime } from "../../lib/format/dates";
import { plural } from "../../lib/format/plural";
import type { ShareLinkSummary } from "../../lib/protocol/appServices";
import { apiRequest, type ApiResult } from "../ui/apiRequest";
import { Dialog } from "../ui/Dialog";
import { controlClass } from "../ui/Field";
import { CalendarFeeds } from "./CalendarFeeds";

/** Mounted while open: a new link's URL is gone once the dialog closes. */
interface ShareDialogProps {
  boardId: string;
  onClose: () => void;
}

/**
 * View-only links (owners only). A link's secret exists in one response only (the server keeps
 * a hash), so the full URL is shown once, right after it is made, with a button to copy it.
 */
export function ShareDialog({ boardId, onClose }: ShareDialogProps) {
  const base = `/api/boards/${boardId}/share-links`;
  const [links, setLinks] = useState<ShareLinkSummary[] | null>(null);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);

  const show = useCallback((result: ApiResult<ShareLinkSummary[]>) => {
    if (result.ok) setLinks(result.value);
    else setError(result.error);
  }, []);
  const load = async () => show(await apiRequest<ShareLinkSummary[]>("GET", base));

  useEffect(() => {
    let live = true;
    void apiRequest<ShareLinkSummary[]>("GET", base).then((result) => live && show(result));
    return () => {
      live = false;
    };
  }, [base, show]);

  async function create() {
    setBusy(true);
    setError(null);
    setCopied(false);
    const result = await apiRequest<{ id: string; path: string }>("POST", base);
    if (result.ok) setCreated({ id: result.value.id, url: `${window.location.origin}${result.value.path}` });
    else setError(result.error);
    await load();
    setBusy(false);
  }

  async function revoke(id: string) {
    setBusy(true);
    setError(null);
    const result = await apiRequest("DELETE", `${base}/${id}`);
    if (!result.ok) setError(result.error);
    if (created?.id === id) setCreated(null);
    await load();
    setBusy(false);
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard API (plain http on a LAN address is not a secure context): select the
      // text so one Ctrl+C copies it.
      urlField.current?.select();
      setError("Copying is blocked in this browser; the link is selected, press Ctrl+C (⌘C) to copy it.");
    }
  }

  const active = links?.filter((l) => l.revokedAt === null) ?? [];
  const revoked = (links?.length ?? 0) - active.length;

  return (
    <Dialog
      open
      onClose={onClose}
      title="Share a view-only link"
      description="Anyone with the link can follow this board live without an account. They cannot change anything."
      testId="share-dialog"
    >
      <div className="flex flex-col gap-5">
        {created ? (
          <div className="flex flex-col gap-2 rounded-xl border border-indigo-200 bg-indigo-50/60 p-3 dark:border-indigo-500/30 dark:bg-indigo-500/10">
            <label htmlFor="share-url" className="text-xs font-medium text-indigo-900 dark:text-indigo-200">
              New link: copy it now, it is shown only once
            </label>
            <div className="flex gap-2">
              <input
                ref={urlField}
                id="share-url"
                data-testid="share-url"
                readOnly
                value={created.url}
                onFocus={(e) => e.currentTarget.select()}
                className={`${controlClass} min-w-0 flex-1 font-mono text-xs`}
              />
              <button
                type="button"
                onClick={() => void copy(created.url)}
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
              >
                {copied ? "Copied" : "Copy link"}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => void create()}
            className="self-start rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
          >
            Create view-only link
          </button>
        )}
        {error && (
          <p role="alert" data-testid="share-error" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        )}
        <section aria-label="Active links">
          <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Active links ({active.length})
          </h3>
          {links === null ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Loading links…</p>
          ) : active.length === 0 ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">No one can open this board through a link right now.</p>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
              {active.map((link) => (
                <li key={link.id} data-testid="share-link" data-link-id={link.id} className="flex items-center gap-3 py-2">
                  <span className="min-w-0 flex-1 text-sm">
                    View-only link created {formatDateTime(link.createdAt, { now: new Date() })}
                    {link.id === created?.id && <span className="ml-1.5 text-xs text-indigo-600 dark:text-indigo-400">(new)</span>}
                  </span>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void revoke(link.id)}
                    className="rounded-md px-2 py-1 text-xs font-medium text-rose-600 hover:bg-rose-50 disabled:opacity-50 dark:text-rose-400 dark:hover:bg-rose-500/10"
                  >
                    Revoke
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Revoking a link disconnects everyone using it at once.{revoked > 0 && ` ${plural(revoked, { one: "# revoked link no longer works.", other: "# revoked links no longer work." })}`}
          </p>
        </section>
        <CalendarFeeds boardId={boardId} />
      </div>
    </Dialog>
  );
}
