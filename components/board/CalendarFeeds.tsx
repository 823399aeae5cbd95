"use client";

import { useCallback, useEffect, useState } from "react";
import { formatDateTime } from "../../lib/format/dates";
import type { CalendarFeedSummary } from "../../lib/protocol/templates";
import { apiRequest, type ApiResult } from "../ui/apiRequest";
import { controlClass } from "../ui/Field";

/**
 * Calendar subscriptions of the board's milestones and releases (owners only, in the Share
 * dialog). Like a share link, the URL's secret is shown once; revoking stops the feed at once.
 */
export function CalendarFeeds({ boardId }: { boardId: string }) {
  const base = `/api/boards/${boardId}/calendar-feeds`;
  const [feeds, setFeeds] = useState<CalendarFeedSummary[] | null>(null);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((result: ApiResult<CalendarFeedSummary[]>) => {
    if (result.ok) setFeeds(result.value);
    else setError(result.error);
  }, []);
  const load = async () => show(await apiRequest<CalendarFeedSummary[]>("GET", base));

  useEffect(() => {
    let live = true;
    void apiRequest<CalendarFeedSummary[]>("GET", base).then((result) => live && show(result));
    return () => {
      live = false;
    };
  }, [base, show]);

  async function create() {
    setBusy(true);
    setError(null);
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

  const active = feeds?.filter((f) => f.revokedAt === null) ?? [];
  return (
    <section aria-label="Calendar feeds" className="flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
      <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Calendar feed of milestones ({active.length})</h3>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Subscribe in Outlook, Google Calendar or Apple Calendar to see go-live and release dates; they update when milestones move. The feed shows milestone titles and dates only.
      </p>
      {created ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="calendar-url" className="text-xs font-medium">
            Subscribe URL: copy it now, it is shown only once
          </label>
          <input id="calendar-url" data-testid="calendar-url" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} className={`${controlClass} font-mono text-xs`} />
        </div>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => void create()}
          className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Create calendar feed
        </button>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
        {active.map((feed) => (
          <li key={feed.id} data-testid="calendar-feed" className="flex items-center gap-3 py-2">
            <span className="min-w-0 flex-1 text-sm">Calendar feed created {formatDateTime(feed.createdAt, { now: new Date() })}</span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void revoke(feed.id)}
              className="rounded-md px-2 py-1 text-xs font-medium text-rose-600 hover:bg-rose-50 disabled:opacity-50 dark:text-rose-400 dark:hover:bg-rose-500/10"
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
