"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { Avatar } from "../board/Avatar";
import { discardAllOfflineCaches } from "../collab/offlineCache";
import { forgetAllPages } from "../collab/offlineShell";
import { InboxButton } from "../inbox/InboxButton";
import { useDismiss } from "../ui/useDismiss";

export interface AccountInfo {
  name: string;
  email: string;
  /** The colour others see this person in (derived from the account id). */
  color: string;
}

/** Who is signed in, their inbox, and the way out. Guests (share links) get a way in instead. */
export function UserMenu({ account, signInHref = "/signin" }: { account: AccountInfo | null; signInHref?: string }) {
  const [open, setOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);

  if (!account) {
    return (
      <Link
        href={signInHref}
        className="whitespace-nowrap rounded-lg border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        Sign in
      </Link>
    );
  }

  return (
    <div className="flex items-center gap-1.5">
      <InboxButton />
      <div ref={root} className="relative">
        <button
          type="button"
          data-testid="user-menu"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen((v) => !v)}
          title={`${account.name} (${account.email})`}
          className="flex items-center gap-2 rounded-full py-0.5 pl-0.5 pr-2.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <Avatar name={account.name} color={account.color} />
          <span className="hidden max-w-32 truncate font-medium sm:inline">{account.name}</span>
          <svg aria-hidden viewBox="0 0 12 12" className="size-3 text-slate-400">
            <path d="M3 4.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </button>
        {open && (
          <div
            role="menu"
            aria-label="Your account"
            className="absolute right-0 top-full z-50 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex items-center gap-3 px-2.5 py-2">
              <Avatar name={account.name} color={account.color} size={36} />
              <div className="min-w-0">
                <p data-testid="user-menu-name" className="truncate text-sm font-medium">
                  {account.name}
                </p>
                <p data-testid="user-menu-email" className="truncate text-xs text-slate-500 dark:text-slate-400">
                  {account.email}
                </p>
              </div>
            </div>
            <div className="my-1 h-px bg-slate-200 dark:bg-slate-800" />
            <Link
              role="menuitem"
              href="/"
              className="block rounded-lg px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Your roadmaps
            </Link>
            <Link
              role="menuitem"
              href="/settings"
              className="block rounded-lg px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              Settings
            </Link>
            <button
              type="button"
              role="menuitem"
              disabled={leaving}
              onClick={() => {
                setLeaving(true);
                // Boards kept for offline work leave with the account: whoever uses this browser
                // next must not find them. A slow IndexedDB does not hold the sign-out up.
                const cleared = Promise.race([Promise.all([discardAllOfflineCaches(), forgetAllPages()]), new Promise((resolve) => setTimeout(resolve, 2000))]);
                void cleared.finally(() => signOut({ callbackUrl: "/signin" }));
              }}
              className="block w-full rounded-lg px-2.5 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {leaving ? "Signing out…" : "Sign out"}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
