"use client";

import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { formatCount } from "../../lib/format/numbers";
import { commentLength, MAX_COMMENT_CHARS, tooLongMessage, type CommentBody } from "../../lib/model/commentBody";
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

/**
 * Characters the server will count (lib/model/commentBody: the plain text, a mention as its
 * "@Name"), so the counter and the server agree on what is too long. The editor's JSON has the
 * comment's shape; a label the server rewrites may change the count by a few characters.
 */
const lengthOf = (json: JSONContent): number => commentLength(json as CommentBody);

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
  const [length, setLength] = useState(0);
  // The "@" menu reads the members when it opens, so a list that loads later is still used.
  const [memberList] = useState(() => new MemberList(members));
  useEffect(() => memberList.set(members), [memberList, members]);
  const submitRef = useRef<() => void>(() => {});
  const counterId = useId();

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
      // A function of the editor's state, so aria-invalid follows the text as it is typed.
      attributes: (state) => ({
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": placeholder,
        "aria-describedby": counterId,
        "aria-invalid": String(commentLength(state.doc.toJSON() as CommentBody) > MAX_COMMENT_CHARS),
        "data-testid": "comment-editor",
        class: "comment-body min-h-16 max-h-64 overflow-y-auto px-2.5 py-2 text-sm outline-none",
      }),
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
    onCreate: ({ editor }) => setLength(lengthOf(editor.getJSON())),
    onUpdate: ({ editor }) => {
      setEmpty(editor.isEmpty);
      setLength(lengthOf(editor.getJSON()));
    },
  });
  const over = length > MAX_COMMENT_CHARS;

  const submit = async () => {
    if (!editor || busy || editor.isEmpty || lengthOf(editor.getJSON()) > MAX_COMMENT_CHARS) return;
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
      <div
        className={`rounded-lg border bg-white focus-within:ring-1 dark:bg-slate-950 ${
          over
            ? "border-rose-500 focus-within:border-rose-500 focus-within:ring-rose-500"
            : "border-slate-300 focus-within:border-indigo-500 focus-within:ring-indigo-500 dark:border-slate-700"
        }`}
      >
        <EditorContent editor={editor} />
      </div>
      {over && (
        <p role="alert" data-testid="comment-too-long" className="text-xs text-rose-700 dark:text-rose-300">
          {tooLongMessage(length)}
        </p>
      )}
      {error && !over && (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-[11px] text-slate-500 dark:text-slate-400">@ to mention · Ctrl+Enter to send</span>
        <span
          id={counterId}
          data-testid="comment-counter"
          className={`whitespace-nowrap text-[11px] tabular-nums ${over ? "font-semibold text-rose-700 dark:text-rose-300" : "text-slate-500 dark:text-slate-400"}`}
        >
          {formatCount(length)} / {formatCount(MAX_COMMENT_CHARS)}
          <span className="sr-only"> characters</span>
        </span>
        {onCancel && (
          <button type="button" onClick={onCancel} className="rounded-md px-2.5 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </button>
        )}
        <button
          type="button"
          onClick={() => void submit()}
          disabled={busy || empty || over}
          className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {busy ? "Sending…" : submitLabel}
        </button>
      </div>
    </div>
  );
}
