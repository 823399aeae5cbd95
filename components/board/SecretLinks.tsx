"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { formatDateTime } from "../../lib/format/dates";
import { apiRequest, type ApiResult } from "../ui/apiRequest";
import { controlClass } from "../ui/Field";

/** What the server says of a secret link or feed: never its secret, which exists in one response only. */
export interface SecretLinkSummary {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The counts a frame around the list shows; `loaded` is false until the first answer. */
export interface SecretLinkCounts {
  loaded: boolean;
  active: number;
  revoked: number;
}

interface SecretLinksProps {
  /** The collection route: GET lists, POST makes one (`{ id, path }`), DELETE `base/id` revokes. */
  base: string;
  /** The URL field's id and the test ids of the field, each row and (optional) the error. */
  ids: { url: string; row: string; error?: string };
  text: {
    create: string;
    /** The label of the new URL, which is shown once. */
    shownOnce: string;
    /** Each row reads "<row> <when>". */
    row: string;
    /** Given, a button beside the new URL copies it. */
    copy?: { idle: string; done: string };
    /** Given, the list says so while it loads and when nothing is active, and marks the new one. */
    loading?: string;
    none?: string;
    newMark?: string;
  };
  /** Share links are their dialog's main action (filled, tinted); a calendar feed is a quieter extra. */
  prominent: boolean;
  /** Above the create button (the calendar's heading and what a feed shows). */
  top?: (counts: SecretLinkCounts) => ReactNode;
  /** Wraps the list (the share dialog's "Active links" region, its heading and its note on revoked links). */
  frame?: (list: ReactNode, counts: SecretLinkCounts) => ReactNode;
}

/**
 * A list of secret links that open something without an account (view-only share links,
 * calendar feeds): create one, copy its URL (shown once, the server keeps a hash), revoke one.
 * Revoking stops it at once, on the server.
 */
export function SecretLinks({ base, ids, text, prominent, top, frame = (list) => list }: SecretLinksProps) {
  const [links, setLinks] = useState<SecretLinkSummary[] | null>(null);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const urlField = useRef<HTMLInputElement>(null);

  const show = useCallback((result: ApiResult<SecretLinkSummary[]>) => {
    if (result.ok) setLinks(result.value);
    else setError(result.error);
  }, []);
  const load = async () => show(await apiRequest<SecretLinkSummary[]>("GET", base));

  useEffect(() => {
    let live = true;
    void apiRequest<SecretLinkSummary[]>("GET", base).then((result) => live && show(result));
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
  const counts: SecretLinkCounts = { loaded: links !== null, active: active.length, revoked: (links?.length ?? 0) - active.length };

  const field = (
    <input
      ref={urlField}
      id={ids.url}
      data-testid={ids.url}
      readOnly
      value={created?.url ?? ""}
      onFocus={(e) => e.currentTarget.select()}
      className={`${controlClass} ${text.copy ? "min-w-0 flex-1 " : ""}font-mono text-xs`}
    />
  );
  const newUrl = created && (
    <div className={prominent ? "flex flex-col gap-2 rounded-xl border border-indigo-200 bg-indigo-50/60 p-3 dark:border-indigo-500/30 dark:bg-indigo-500/10" : "flex flex-col gap-1"}>
      <label htmlFor={ids.url} className={prominent ? "text-xs font-medium text-indigo-900 dark:text-indigo-200" : "text-xs font-medium"}>
        {text.shownOnce}
      </label>
      {text.copy ? (
        <div className="flex gap-2">
          {field}
          <button
            type="button"
            onClick={() => void copy(created.url)}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            {copied ? text.copy.done : text.copy.idle}
          </button>
        </div>
      ) : (
        field
      )}
    </div>
  );

  const list =
    links === null && text.loading ? (
      <p className="text-sm text-slate-500 dark:text-slate-400">{text.loading}</p>
    ) : active.length === 0 && text.none ? (
      <p className="text-sm text-slate-500 dark:text-slate-400">{text.none}</p>
    ) : (
      <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
        {active.map((link) => (
          <li key={link.id} data-testid={ids.row} data-link-id={link.id} className="flex items-center gap-3 py-2">
            <span className="min-w-0 flex-1 text-sm">
              {text.row} {formatDateTime(link.createdAt, { now: new Date() })}
              {text.newMark && link.id === created?.id && <span className="ml-1.5 text-xs text-indigo-600 dark:text-indigo-400">{text.newMark}</span>}
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
    );

  return (
    <>
      {top?.(counts)}
      {newUrl || (
        <button
          type="button"
          disabled={busy}
          onClick={() => void create()}
          className={
            prominent
              ? "self-start rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
              : "self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
          }
        >
          {text.create}
        </button>
      )}
      {error && (
        <p
          role="alert"
          data-testid={ids.error}
          className={prominent ? "rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-500/10 dark:text-rose-300" : "text-sm text-rose-600 dark:text-rose-400"}
        >
          {error}
        </p>
      )}
      {frame(list, counts)}
    </>
  );
}
