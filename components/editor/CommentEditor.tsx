"use client";

import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { MentionCandidate } from "./MentionMenu";
import { commentExtensions } from "./commentExtensions";
import { linkifyBody } from "./linkifyBody";
import { mentionSuggestion } from "./mentionSuggestion";

interface CommentEditorProps {
  /** Members "@" offers. */
  members: readonly MentionCandidate[];
  placeholder: string;
  submitLabel: string;
  /** Starting content (editing an existing comment). */
  initial?: JSONContent;
  autoFocus?: boolean;
  /** Resolves to an error message to show, or null once the comment is stored. */
  onSubmit: (body: JSONContent) => Promise<string | null>;
  onCancel?: () => void;
}

class MemberList {
  constructor(private members: readonly MentionCandidate[]) {}
  set(members: readonly MentionCandidate[]): void {
    this.members = members;
  }
  readonly get = (): readonly MentionCandidate[] => this.members;
}

/** Writes one comment: formatting shortcuts, links, "@" mentions; Ctrl/⌘+Enter sends. */
export function CommentEditor({ members, placeholder, submitLabel, initial, autoFocus, onSubmit, onCancel }: CommentEditorProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [empty, setEmpty] = useState(!initial);
  // The "@" menu reads the members when it opens, so a list that loads later is still used.
  const [memberList] = useState(() => new MemberList(members));
  useEffect(() => memberList.set(members), [memberList, members]);
  const submitRef = useRef<() => void>(() => {});

  const editor = useEditor({
    // Rendered on the client only: the server has no DOM to measure (docs/stack.md).
    immediatelyRender: false,
    autofocus: autoFocus ? "end" : false,
    content: initial,
    extensions: [
      ...commentExtensions({ suggestion: mentionSuggestion(memberList.get) }),
      Placeholder.configure({ placeholder }),
    ],
    editorProps: {
      attributes: {
        "aria-label": placeholder,
        "data-testid": "comment-editor",
        class: "comment-body min-h-16 max-h-64 overflow-y-auto px-2.5 py-2 text-sm outline-none",
      },
      handleKeyDown: (_view, event) => {
        if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
          submitRef.current();
          return true;
        }
        if (event.key === "Escape" && onCancel) {
          onCancel();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor }) => setEmpty(editor.isEmpty),
  });

  const submit = async () => {
    if (!editor || busy || editor.isEmpty) return;
    setBusy(true);
    setError(null);
    const problem = await onSubmit(linkifyBody(editor.getJSON()));
    setBusy(false);
    if (problem) setError(problem);
    else if (!initial) editor.commands.clearContent(true);
  };
  useEffect(() => {
    submitRef.current = () => void submit();
  });

  return (
    <div className="flex flex-col gap-1.5">
      <div className="rounded-lg border border-slate-300 bg-white focus-within:border-indigo-500 focus-within:ring-1 focus-within:ring-indigo-500 dark:border-slate-700 dark:bg-slate-950">
        <EditorContent editor={editor} />
      </div>
      {error && (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-[11px] text-slate-400">@ to mention · Ctrl+Enter to send</span>
        {onCancel && (
          <button type="button" onClick={onCancel} className="rounded-md px-2.5 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
        )}
        <button
          type="button"
          onClick={() => void submit()}
          disabled={busy || empty}
          className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {busy ? "Sending…" : submitLabel}
        </button>
      </div>
    </div>
  );
}
