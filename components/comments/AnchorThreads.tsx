"use client";

import { useEffect, useRef, useState } from "react";
import type { CommentAnchor, ThreadView } from "../../lib/protocol/comments";
import { CommentEditor } from "../editor/CommentEditor";
import { ThreadCard, type ThreadContext } from "./ThreadCard";
import { countOf } from "../../lib/format/plural";

interface AnchorThreadsProps {
  anchor: CommentAnchor;
  /** This anchor's threads, oldest first. */
  threads: readonly ThreadView[];
  context: ThreadContext;
  /** A thread to scroll to and outline (opened from the inbox or a summary). */
  focusThreadId?: string | null;
  /** Said in the empty state, e.g. "this item". */
  noun: string;
}

/** The threads on one item, milestone or the board: open ones, resolved ones folded away, and a new-thread box. */
export function AnchorThreads({ anchor, threads, context, focusThreadId, noun }: AnchorThreadsProps) {
  const open = threads.filter((t) => !t.resolvedAt);
  const resolved = threads.filter((t) => t.resolvedAt);
  const focusIsResolved = resolved.some((t) => t.id === focusThreadId);
  const [resolvedToggled, setShowResolved] = useState(false);
  // A resolved thread someone was sent to is shown, folded or not.
  const showResolved = resolvedToggled || focusIsResolved;
  const focusRef = useRef<HTMLElement>(null);
  useEffect(() => {
    focusRef.current?.scrollIntoView({ block: "nearest" });
  }, [focusThreadId, threads]);

  const card = (thread: ThreadView) => (
    <ThreadCard
      key={thread.id}
      ref={thread.id === focusThreadId ? focusRef : undefined}
      thread={thread}
      context={context}
      highlighted={thread.id === focusThreadId}
    />
  );
  return (
    <div data-testid="anchor-threads" className="flex flex-col gap-2">
      {open.length === 0 && resolved.length === 0 && (
        <p className="text-xs text-slate-500 dark:text-slate-400">No comments on {noun} yet.</p>
      )}
      {open.map(card)}
      {resolved.length > 0 && (
        <button
          type="button"
          onClick={() => setShowResolved((s) => !s)}
          className="self-start text-xs text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100"
        >
          {showResolved ? "Hide" : "Show"} {countOf(resolved.length, "resolved thread")}
        </button>
      )}
      {showResolved && resolved.map(card)}
      {context.canComment ? (
        <div className="mt-1">
          <CommentEditor
            members={context.members}
            placeholder={`Comment on ${noun}…`}
            submitLabel="Comment"
            onSubmit={async (body) => {
              const result = await context.actions.createThread(anchor, body);
              return result.ok ? null : result.error;
            }}
          />
        </div>
      ) : (
        <p className="text-[11px] text-slate-500 dark:text-slate-400">Viewers can read comments but not write them.</p>
      )}
    </div>
  );
}
