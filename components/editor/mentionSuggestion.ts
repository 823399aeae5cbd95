"use client";

import { ReactRenderer } from "@tiptap/react";
import type { SuggestionOptions, SuggestionProps } from "@tiptap/suggestion";
import { matchMembers } from "./matchMembers";
import { MentionMenu, type MentionCandidate, type MentionMenuHandle } from "./MentionMenu";

/**
 * The "@" menu of the comment editor: the board's members (read through `members()` each time,
 * so a member list loaded later is used), drawn in a floating box under the caret.
 */
export function mentionSuggestion(members: () => readonly MentionCandidate[]): Omit<SuggestionOptions<MentionCandidate>, "editor"> {
  return {
    char: "@",
    items: ({ query }) => matchMembers(members(), query),
    command: ({ editor, range, props }) => {
      const attrs = props as unknown as { id: string; label: string };
      editor
        .chain()
        .focus()
        .insertContentAt(range, [
          { type: "mention", attrs: { id: attrs.id, label: attrs.label } },
          { type: "text", text: " " },
        ])
        .run();
    },
    render: () => {
      let renderer: ReactRenderer<MentionMenuHandle> | null = null;
      let box: HTMLDivElement | null = null;
      const place = (props: SuggestionProps<MentionCandidate>) => {
        const rect = props.clientRect?.();
        if (!box || !rect) return;
        box.style.left = `${Math.min(rect.left, window.innerWidth - 272)}px`;
        box.style.top = `${rect.bottom + 4}px`;
      };
      return {
        onStart(props) {
          box = document.createElement("div");
          box.style.position = "fixed";
          box.style.zIndex = "100";
          document.body.appendChild(box);
          renderer = new ReactRenderer(MentionMenu, { props, editor: props.editor });
          box.appendChild(renderer.element);
          place(props);
        },
        onUpdate(props) {
          renderer?.updateProps(props);
          place(props);
        },
        onKeyDown({ event }) {
          if (event.key === "Escape") {
            box?.remove();
            return true;
          }
          return renderer?.ref?.onKeyDown(event) ?? false;
        },
        onExit() {
          renderer?.destroy();
          box?.remove();
          renderer = null;
          box = null;
        },
      };
    },
  };
}
