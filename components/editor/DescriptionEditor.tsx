"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { descriptionExtensions } from "./descriptionExtensions";

interface DescriptionEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness | null;
  /** Viewers see the text (live) but cannot change it. */
  editable: boolean;
  autoFocus: boolean;
}

/** The collaborative rich-text description of one item (see descriptionExtensions). */
export function DescriptionEditor({ fragment, awareness, editable, autoFocus }: DescriptionEditorProps) {
  const editor = useEditor(
    {
      // Rendered on the client only: the server has no DOM to measure (docs/stack.md).
      immediatelyRender: false,
      editable,
      autofocus: autoFocus ? "end" : false,
      extensions: descriptionExtensions(fragment, awareness, editable ? "Add a description…" : "No description."),
      editorProps: {
        attributes: {
          // A multi-line text field to assistive technology (a bare contenteditable div has no role).
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Description",
          "aria-readonly": String(!editable),
          "data-testid": "item-description",
          class: `comment-body description-body min-h-20 px-2.5 py-2 text-sm outline-none ${editable ? "" : "cursor-default"}`,
        },
      },
    },
    // Another fragment (another item, or a concurrent repair replaced it) or another connection
    // is another editor: its binding, undo history and carets belong to that one.
    [fragment, awareness],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  return (
    <div
      className={`rounded-md border bg-white dark:bg-slate-950 ${
        editable ? "border-slate-300 focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/20 dark:border-slate-700" : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <EditorContent editor={editor} />
    </div>
  );
}
