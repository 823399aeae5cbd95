"use client";

import Link from "next/link";
import { useState } from "react";
import { useLiveEvent } from "../live/useLiveEvent";

/**
 * The header's way to the inbox, with the number of unread notifications. The server sends the
 * count when the live connection opens and again whenever it changes.
 */
export function InboxButton() {
  const [unread, setUnread] = useState<number | null>(null);
  useLiveEvent((notice) => {
    if (notice.type === "inbox") setUnread(notice.unread);
  });
  const label = unread ? `Inbox, ${unread} unread` : "Inbox";
  return (
    <Link
      href="/inbox"
      data-testid="inbox-button"
      data-unread={unread ?? undefined}
      aria-label={label}
      title={label}
      className="relative flex size-8 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-slate-100"
    >
      <svg aria-hidden viewBox="0 0 20 20" className="size-5">
        <path
          d="M4 11.5V6.8C4 5.2 5.2 4 6.8 4h6.4C14.8 4 16 5.2 16 6.8v4.7M4 11.5v1.7C4 14.8 5.2 16 6.8 16h6.4c1.6 0 2.8-1.2 2.8-2.8v-1.7M4 11.5h3.2l1 1.5h3.6l1-1.5H16"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
      {unread ? (
        <span
          data-testid="inbox-unread"
          className="absolute -right-0.5 -top-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-rose-600 px-1 text-[10px] font-bold leading-none text-white ring-2 ring-white dark:ring-slate-900"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
