"use client";

import { useMemo, useState, type ReactNode } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { CommentAnchor, ThreadView } from "../../lib/protocol/comments";
import { PanelFrame } from "../ui/PanelFrame";
import { AnchorThreads } from "./AnchorThreads";
import { ThreadCard, type ThreadContext } from "./ThreadCard";
import { anchorKey } from "./useBoardThreads";

interface BoardThreadsPanelProps {
  threads: readonly ThreadView[] | null;
  error: string | null;
  context: ThreadContext;
  snapshot: BoardSnapshot;
  /** Show one anchor's threads (the board itself or a milestone) instead of the whole list. */
  focus: CommentAnchor | null;
  focusThreadId: string | null;
  onFocus: (anchor: CommentAnchor | null) => void;
  /** Select the item a thread is on and show its comments. */
  onOpenItem: (itemId: string, threadId: string) => void;
  onClose: () => void;
  /** A milestone's history of changes, on a tab beside its comments. */
  milestoneHistory?: (milestoneId: string) => ReactNode;
}

/** What a thread hangs on, in words, and whether that is gone from the board. */
export function describeAnchor(thread: ThreadView, snapshot: BoardSnapshot): { text: string; deleted: boolean } {
  const { anchor } = thread;
  if (anchor.kind === "board") return { text: "On the board", deleted: false };
  if (anchor.kind === "item") {
    const item = snapshot.items.find((i) => i.id === anchor.id);
    return { text: item?.title || thread.anchorTitle || "Untitled item", deleted: !item };
  }
  const milestone = snapshot.milestones.find((m) => m.id === anchor.id);
  return { text: `◆ ${milestone?.title || thread.anchorTitle}`, deleted: !milestone };
}

/** The heading of one anchor's threads; a deleted anchor is named by the title its threads kept. */
function describeFocus(focus: CommentAnchor, snapshot: BoardSnapshot, threads: readonly ThreadView[]): string {
  if (focus.kind === "board") return "The board as a whole";
  const thread = threads.find((t) => anchorKey(t.anchor) === focus.id);
  const live = focus.kind === "item" ? snapshot.items.find((i) => i.id === focus.id) : snapshot.milestones.find((m) => m.id === focus.id);
  const title = live?.title || thread?.anchorTitle || "Untitled";
  return `${focus.kind === "milestone" ? "◆ " : ""}${title}${live ? "" : " (deleted)"}`;
}

const lastActivity = (t: ThreadView) => t.comments.reduce((latest, c) => (c.createdAt > latest ? c.createdAt : latest), t.createdAt);

/** The board's conversation: every thread (open ones by default), newest activity first. */
export function BoardThreadsPanel(props: BoardThreadsPanelProps) {
  const { threads, error, context, snapshot, focus, focusThreadId, onFocus, onOpenItem, onClose, milestoneHistory } = props;
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(
    () => [...(threads ?? [])].sort((a, b) => lastActivity(b).localeCompare(lastActivity(a))),
    [threads],
  );
  const shown = showAll ? sorted : sorted.filter((t) => !t.resolvedAt);
  const openCount = sorted.filter((t) => !t.resolvedAt).length;
  const focusTitle = focus ? describeFocus(focus, snapshot, sorted) : "";

  return (
    <PanelFrame
      testId="threads-panel"
      label="Comments"
      muted
      header={
        <>
          <h2 className="text-sm font-semibold">Comments</h2>
          {!focus && (
            <div role="radiogroup" aria-label="Which threads" className="ml-2 flex rounded-md bg-slate-100 p-0.5 text-xs dark:bg-slate-800">
              {[
                { all: false, label: `Open (${openCount})` },
                { all: true, label: "All" },
              ].map((option) => (
                <button
                  key={option.label}
                  type="button"
                  role="radio"
                  aria-checked={showAll === option.all}
                  onClick={() => setShowAll(option.all)}
                  className={`rounded px-2 py-0.5 ${showAll === option.all ? "bg-white font-medium shadow-sm dark:bg-slate-700" : "text-slate-600 dark:text-slate-300"}`}
                >
                  {option.label}
                </button>
              ))}
            </div>
          )}
        </>
      }
      closeLabel="Close comments"
      onClose={onClose}
    >
      <div className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-3">
        {error && <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">{error}</p>}
        {focus ? (
          <>
            <button type="button" onClick={() => onFocus(null)} className="self-start text-xs text-indigo-700 hover:underline dark:text-indigo-300">
              ← All threads
            </button>
            <h3 className="text-sm font-medium">{focusTitle}</h3>
            <AnchorTabs key={anchorKey(focus)} history={focus.kind === "milestone" && milestoneHistory ? milestoneHistory(focus.id) : null}>
              <AnchorThreads
                anchor={focus}
                threads={sorted.filter((t) => anchorKey(t.anchor) === anchorKey(focus)).reverse()}
                context={context}
                focusThreadId={focusThreadId}
                noun={focus.kind === "milestone" ? "this milestone" : focus.kind === "item" ? "this item" : "the board"}
              />
            </AnchorTabs>
          </>
        ) : (
          <>
            {context.canComment && (
              <button
                type="button"
                onClick={() => onFocus({ kind: "board" })}
                className="self-start rounded-md border border-slate-200 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                Comment on the board
              </button>
            )}
            {threads === null && !error && <p className="text-xs text-slate-500">Loading comments…</p>}
            {threads !== null && shown.length === 0 && (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {showAll ? "No comments on this board yet." : "No open threads. Select an item to start one."}
              </p>
            )}
            {shown.map((thread) => {
              const label = describeAnchor(thread, snapshot);
              const { anchor } = thread;
              const onOpen =
                anchor.kind === "item" ? () => onOpenItem(anchor.id, thread.id) : () => onFocus(anchor);
              return (
                <ThreadCard
                  key={thread.id}
                  thread={thread}
                  context={context}
                  anchorLabel={{ ...label, onOpen }}
                  highlighted={thread.id === focusThreadId}
                />
              );
            })}
          </>
        )}
      </div>
    </PanelFrame>
  );
}

/** One anchor's comments and, for a milestone, its history on a second tab (comments first). */
function AnchorTabs({ history, children }: { history: ReactNode; children: ReactNode }) {
  const [tab, setTab] = useState<"comments" | "history">("comments");
  if (!history) return <>{children}</>;
  return (
    <>
      <div role="tablist" aria-label="Milestone" className="flex gap-3 border-b border-slate-200 text-xs dark:border-slate-800">
        {(["comments", "history"] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            data-testid={`milestone-tab-${t}`}
            onClick={() => setTab(t)}
            className={`-mb-px border-b-2 px-0.5 pb-1 font-semibold ${tab === t ? "border-indigo-500 text-slate-900 dark:text-slate-100" : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100"}`}
          >
            {t === "comments" ? "Comments" : "History"}
          </button>
        ))}
      </div>
      {tab === "comments" ? children : history}
    </>
  );
}
