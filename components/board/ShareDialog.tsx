"use client";

import { plural } from "../../lib/format/plural";
import { Dialog } from "../ui/Dialog";
import { CalendarFeeds } from "./CalendarFeeds";
import { SecretLinks } from "./SecretLinks";

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
  return (
    <Dialog
      open
      onClose={onClose}
      title="Share a view-only link"
      description="Anyone with the link can follow this board live without an account. They cannot change anything."
      testId="share-dialog"
    >
      <div className="flex flex-col gap-5">
        <SecretLinks
          base={`/api/boards/${boardId}/share-links`}
          ids={{ url: "share-url", row: "share-link", error: "share-error" }}
          text={{
            create: "Create view-only link",
            shownOnce: "New link: copy it now, it is shown only once",
            row: "View-only link created",
            copy: { idle: "Copy link", done: "Copied" },
            loading: "Loading links…",
            none: "No one can open this board through a link right now.",
            newMark: "(new)",
          }}
          prominent
          frame={(list, { active, revoked }) => (
            <section aria-label="Active links">
              <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Active links ({active})</h3>
              {list}
              <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                Revoking a link disconnects everyone using it at once.{revoked > 0 && ` ${plural(revoked, { one: "# revoked link no longer works.", other: "# revoked links no longer work." })}`}
              </p>
            </section>
          )}
        />
        <CalendarFeeds boardId={boardId} />
      </div>
    </Dialog>
  );
}
