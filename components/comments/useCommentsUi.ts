"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { CommentAnchor, ThreadView } from "../../lib/protocol/comments";
import type { ThreadContext } from "./ThreadCard";
import { anchorKey, openCommentCounts } from "./useBoardThreads";

/** What the board screen hands the roadmap about comments; null for guests, who cannot read them. */
export interface CommentsBinding {
  threads: ThreadView[] | null;
  error: string | null;
  context: ThreadContext;
  /** A thread to open once threads are loaded (from an inbox link: /boards/<id>?thread=<id>). */
  initialThreadId: string | null;
}

/** The item panel's tabs; "history" is its changes (components/history). */
export type ItemTab = "details" | "comments" | "history";

/**
 * The roadmap's comment state: which panel shows which threads, the item panel's tab, the
 * thread to outline, and the per-anchor counts the badges draw.
 */
export function useCommentsUi(comments: CommentsBinding | null, snapshot: BoardSnapshot, select: (itemId: string | null) => void) {
  const [panelOpen, setPanelOpen] = useState(false);
  const [focus, setFocus] = useState<CommentAnchor | null>(null);
  const [itemTab, setItemTab] = useState<ItemTab>("details");
  const [focusThreadId, setFocusThreadId] = useState<string | null>(null);
  const threads = comments?.threads ?? null;
  const counts = useMemo(() => openCommentCounts(threads), [threads]);

  /** Shows a thread where it lives: its item's comments tab, or the panel focused on its anchor. */
  const openThread = useCallback(
    (threadId: string) => {
      const thread = threads?.find((t) => t.id === threadId);
      if (!thread) return false;
      setFocusThreadId(threadId);
      const { anchor } = thread;
      if (anchor.kind === "item" && snapshot.items.some((i) => i.id === anchor.id)) {
        select(anchor.id);
        setItemTab("comments");
        setPanelOpen(false);
      } else {
        setFocus(anchor);
        setPanelOpen(true);
      }
      return true;
    },
    [threads, snapshot.items, select],
  );

  // An inbox link names a thread: open it once, as soon as the threads are in (again when a
  // later link names another thread on this same board).
  const wanted = comments?.initialThreadId ?? null;
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (wanted && opened.current !== wanted && threads && openThread(wanted)) opened.current = wanted;
  }, [wanted, threads, openThread]);

  const openAnchor = useCallback((anchor: CommentAnchor | null) => {
    setFocus(anchor);
    setFocusThreadId(null);
    setPanelOpen(true);
  }, []);

  const anchorThreads = useCallback(
    (anchor: CommentAnchor) => (threads ?? []).filter((t) => anchorKey(t.anchor) === anchorKey(anchor)),
    [threads],
  );

  return {
    counts,
    panelOpen,
    focus,
    focusThreadId,
    itemTab,
    setItemTab,
    openThread,
    openAnchor,
    anchorThreads,
    togglePanel: () => setPanelOpen((open) => !open),
    closePanel: () => setPanelOpen(false),
    /** Opened from the panel: the item's own comments tab. */
    openItemThread: (itemId: string, threadId: string) => {
      select(itemId);
      setItemTab("comments");
      setFocusThreadId(threadId);
    },
  };
}
