"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { InboxView, NotificationView } from "../../lib/protocol/comments";
import { formatRelativeTime } from "../../lib/format/relativeTime";
import { useLiveEvent } from "../live/useLiveEvent";
import { apiRequest } from "../ui/apiRequest";

const KIND_TEXT: Record<NotificationView["kind"], string> = {
  mention: "mentioned you",
  reply: "replied in a thread you are in",
  "new-thread": "started a thread on your item",
  proposal: "proposed a change to a lane you answer for",
};

/** Where a notification leads: the board, with the thread (and its item) opened. */
export const notificationHref = (n: NotificationView) => `/boards/${n.boardId}?thread=${encodeURIComponent(n.threadId)}`;

/** The inbox: newest first, unread ones marked, kept current while open. */
export function InboxList() {
  const router = useRouter();
  const [inbox, setInbox] = useState<InboxView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      apiRequest<InboxView>("GET", "/api/inbox").then((result) => {
        if (result.ok) {
          setInbox(result.value);
          setError(null);
        } else setError(result.error);
      }),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useLiveEvent((notice) => {
    if (notice.type === "inbox" || notice.type === "reconnected") void load();
  });

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const result = await apiRequest("POST", "/api/inbox/read", body);
    if (!result.ok) setError(result.error);
    await load();
  };

  const open = async (n: NotificationView) => {
    if (!n.readAt) await markRead({ ids: [n.id] });
    router.push(notificationHref(n));
  };

  return (
    <section aria-labelledby="inbox-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h1 id="inbox-title" className="text-2xl font-semibold tracking-tight">
          Inbox
          {inbox && inbox.unread > 0 && <span className="ml-2 text-base font-normal text-slate-500">{inbox.unread} unread</span>}
        </h1>
        {inbox && inbox.unread > 0 && (
          <button
            type="button"
            onClick={() => void markRead({ all: true })}
            className="rounded-lg border border-slate-200 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            Mark all read
          </button>
        )}
      </div>
      {error && <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">{error}</p>}
      {inbox === null && !error && <p className="text-sm text-slate-500">Loading…</p>}
      {inbox && inbox.notifications.length === 0 && (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
          Nothing here yet. When someone mentions you, replies in a thread you are in, or comments on an item you own, it shows up here.
        </p>
      )}
      <ul className="flex flex-col divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {inbox?.notifications.map((n) => (
          <li key={n.id} data-testid="notification" data-unread={!n.readAt} className={n.readAt ? "" : "bg-indigo-50/60 dark:bg-indigo-500/10"}>
            <div className="flex items-start gap-3 px-4 py-3">
              <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-indigo-500"}`} />
              <Link
                href={notificationHref(n)}
                onClick={(e) => {
                  e.preventDefault();
                  void open(n);
                }}
                className="min-w-0 flex-1"
              >
                <p className="text-sm">
                  <span className="font-semibold">{n.actor.name}</span> {KIND_TEXT[n.kind]}
                  <span className="text-slate-600 dark:text-slate-400">
                    {" "}
                    on {n.anchor.kind === "board" ? "the board" : `“${n.anchorTitle}”`} · {n.boardTitle}
                  </span>
                </p>
                <p className="mt-0.5 line-clamp-2 text-sm text-slate-600 dark:text-slate-300">{n.excerpt}</p>
                <time dateTime={n.createdAt} className="text-xs text-slate-600 dark:text-slate-400">
                  {formatRelativeTime(n.createdAt)}
                </time>
              </Link>
              {!n.readAt && (
                <button
                  type="button"
                  onClick={() => void markRead({ ids: [n.id] })}
                  className="shrink-0 rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100"
                >
                  Mark read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
