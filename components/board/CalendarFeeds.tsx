"use client";

import { SecretLinks } from "./SecretLinks";

/**
 * Calendar subscriptions of the board's milestones and releases (owners only, in the Share
 * dialog). Like a share link, the URL's secret is shown once; revoking stops the feed at once.
 */
export function CalendarFeeds({ boardId }: { boardId: string }) {
  return (
    <section aria-label="Calendar feeds" className="flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
      <SecretLinks
        base={`/api/boards/${boardId}/calendar-feeds`}
        ids={{ url: "calendar-url", row: "calendar-feed" }}
        text={{ create: "Create calendar feed", shownOnce: "Subscribe URL: copy it now, it is shown only once", row: "Calendar feed created" }}
        prominent={false}
        top={({ active }) => (
          <>
            <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Calendar feed of milestones ({active})</h3>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Subscribe in Outlook, Google Calendar or Apple Calendar to see go-live and release dates; they update when milestones move. The feed shows milestone titles and dates only.
            </p>
          </>
        )}
      />
    </section>
  );
}
