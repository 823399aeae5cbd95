"use client";

import { useState } from "react";
import type { CommentView } from "../../lib/protocol/comments";
import { Avatar } from "../board/Avatar";
import { CommentEditor } from "../editor/CommentEditor";
import type { MentionCandidate } from "../editor/MentionMenu";
import { presenceColorFor } from "../../lib/protocol/presenceColor";
import { CommentBodyView } from "./CommentBodyView";
import { formatDateTime } from "../../lib/format/dates";
import { formatRelativeTime } from "../../lib/format/relativeTime";

interface CommentRowProps {
  comment: CommentView;
  members: readonly MentionCandidate[];
  /** The reader wrote it (and may still comment): edit and delete. */
  mine: boolean;
  /** Owners may delete anyone's comment. */
  canDelete: boolean;
  onEdit: (commentId: string, body: unknown) => Promise<string | null>;
  onDelete: (commentId: string) => Promise<string | null>;
}

/** One comment: who wrote it and when (as the server recorded), its text, and its author's actions. */
export function CommentRow({ comment, members, mine, canDelete, onEdit, onDelete }: CommentRowProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (comment.deletedAt || !comment.body) {
    return (
      <li data-testid="comment" data-deleted="true" className="py-1.5 text-xs italic text-slate-500 dark:text-slate-400">
        Comment deleted
      </li>
    );
  }
  return (
    <li data-testid="comment" data-comment-id={comment.id} className="group relative flex gap-2 py-1.5">
      <Avatar name={comment.author.name} color={presenceColorFor(comment.author.id)} size={22} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline gap-1.5 text-xs">
          <span data-testid="comment-author" className="min-w-0 truncate font-semibold text-slate-800 dark:text-slate-100">
            {comment.author.name}
          </span>
          <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)} className="shrink-0 whitespace-nowrap text-slate-500 dark:text-slate-400">
            {formatRelativeTime(comment.createdAt)}
          </time>
          {comment.editedAt && <span className="shrink-0 text-slate-500 dark:text-slate-400">(edited)</span>}
          {(mine || canDelete) && !editing && (
            // Floats over the header so that, while hidden, it takes no room from the author's name.
            <span className="absolute right-0 top-1 flex gap-1 rounded bg-white opacity-0 shadow-sm ring-1 ring-slate-200 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 dark:bg-slate-900 dark:ring-slate-700">
              {mine && (
                <button type="button" onClick={() => setEditing(true)} className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:hover:bg-slate-800 dark:hover:text-slate-100">
                  Edit
                </button>
              )}
              <button type="button" onClick={() => setConfirming(true)} className="rounded px-1 text-rose-600 hover:bg-rose-50 dark:text-rose-400 dark:hover:bg-rose-500/10">
                Delete
              </button>
            </span>
          )}
        </div>
        {editing ? (
          <div className="mt-1">
            <CommentEditor
              members={members}
              placeholder="Edit your comment"
              submitLabel="Save"
              initial={comment.body}
              autoFocus
              onCancel={() => setEditing(false)}
              onSubmit={async (body) => {
                const problem = await onEdit(comment.id, body);
                if (!problem) setEditing(false);
                return problem;
              }}
            />
          </div>
        ) : (
          <CommentBodyView body={comment.body} />
        )}
        {confirming && (
          <div className="mt-1 flex items-center gap-2 text-xs">
            <span className="text-slate-600 dark:text-slate-300">Delete this comment?</span>
            <button
              type="button"
              onClick={async () => {
                const problem = await onDelete(comment.id);
                setError(problem);
                setConfirming(false);
              }}
              className="rounded bg-rose-600 px-2 py-0.5 font-medium text-white hover:bg-rose-500"
            >
              Delete
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded px-2 py-0.5 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              Keep
            </button>
          </div>
        )}
        {error && <p role="alert" className="mt-1 text-xs text-rose-600 dark:text-rose-400">{error}</p>}
      </div>
    </li>
  );
}
