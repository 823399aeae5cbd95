"use client";

import { forwardRef, useState } from "react";
import type { ThreadView } from "../../lib/protocol/comments";
import { canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import { CommentEditor } from "../editor/CommentEditor";
import type { MentionCandidate } from "../editor/MentionMenu";
import type { ThreadActions } from "./useBoardThreads";
import { CommentRow } from "./CommentRow";
import { formatRelativeTime } from "../../lib/format/relativeTime";

export interface ThreadContext {
  selfId: string | null;
  role: Role;
  /** May write comments (owners, editors, commenters; the server decides in the end). */
  canComment: boolean;
  members: readonly MentionCandidate[];
  actions: ThreadActions;
}

interface ThreadCardProps {
  thread: ThreadView;
  context: ThreadContext;
  /** The board-wide list names what the thread is on; a click there jumps to it. */
  anchorLabel?: { text: string; deleted: boolean; onOpen?: () => void };
  highlighted?: boolean;
}

const errorOf = (result: { ok: boolean; error?: string }) => (result.ok ? null : (result.error ?? "Something went wrong."));

/** A thread: its comments oldest first, a reply box, and resolve / reopen. */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard({ thread, context, anchorLabel, highlighted }, ref) {
  const { selfId, role, canComment, members, actions } = context;
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = thread.resolvedAt !== null;
  const mayResolve = canComment && (thread.createdBy.id === selfId || canEditRoadmap(role));
  return (
    <article
      ref={ref}
      data-testid="thread"
      data-thread-id={thread.id}
      data-resolved={resolved}
      aria-label={`Thread started by ${thread.createdBy.name}`}
      className={`rounded-lg border bg-white p-2.5 dark:bg-slate-900 ${
        highlighted ? "border-indigo-400 ring-2 ring-indigo-200 dark:ring-indigo-500/30" : "border-slate-200 dark:border-slate-800"
      } ${resolved ? "opacity-75" : ""}`}
    >
      {anchorLabel && (
        <div className="mb-1 flex items-center gap-1.5 text-[11px]">
          {anchorLabel.onOpen && !anchorLabel.deleted ? (
            <button type="button" onClick={anchorLabel.onOpen} className="truncate font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {anchorLabel.text}
            </button>
          ) : (
            <span className="truncate font-medium text-slate-600 dark:text-slate-300">{anchorLabel.text}</span>
          )}
          {anchorLabel.deleted && (
            <span data-testid="thread-anchor-deleted" className="shrink-0 rounded bg-slate-100 px-1 text-slate-500 dark:bg-slate-800 dark:text-slate-400">
              on a deleted item
            </span>
          )}
        </div>
      )}
      <ol className="divide-y divide-slate-100 dark:divide-slate-800">
        {thread.comments.map((comment) => (
          <CommentRow
            key={comment.id}
            comment={comment}
            members={members}
            mine={canComment && comment.author.id === selfId}
            canDelete={canComment && (comment.author.id === selfId || canManageBoard(role))}
            onEdit={async (id, body) => errorOf(await actions.edit(id, body))}
            onDelete={async (id) => errorOf(await actions.remove(id))}
          />
        ))}
      </ol>
      {resolved && (
        <p className="mt-1 text-[11px] text-emerald-700 dark:text-emerald-400">
          Resolved by {thread.resolvedBy?.name ?? "someone"} · {formatRelativeTime(thread.resolvedAt!)}
        </p>
      )}
      {replying ? (
        <div className="mt-2">
          <CommentEditor
            members={members}
            placeholder="Reply…"
            submitLabel="Reply"
            autoFocus
            onCancel={() => setReplying(false)}
            onSubmit={async (body) => {
              const problem = errorOf(await actions.reply(thread.id, body));
              if (!problem) setReplying(false);
              return problem;
            }}
          />
        </div>
      ) : (
        (canComment || mayResolve) && (
          <div className="mt-1.5 flex gap-1 text-xs">
            {canComment && (
              <button type="button" onClick={() => setReplying(true)} className="rounded px-1.5 py-0.5 font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-500/10">
                Reply
              </button>
            )}
            {mayResolve && (
              <button
                type="button"
                onClick={async () => setError(errorOf(await actions.setResolved(thread.id, !resolved)))}
                className="ml-auto rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              >
                {resolved ? "Reopen" : "Resolve"}
              </button>
            )}
          </div>
        )
      )}
      {error && <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">{error}</p>}
    </article>
  );
});
