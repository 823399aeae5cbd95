import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import StarterKit from "@tiptap/starter-kit";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { isAllowedCommentLink } from "./commentExtensions";

/**
 * An item's description: Tiptap bound to the item's own Y.XmlFragment, so everyone types into
 * the same text at once. Its undo is Collaboration's (a Yjs UndoManager over this fragment
 * that tracks only this editor's typing, never a colleague's): text undo wants keystrokes
 * grouped and the cursor put back, which the board's one-step-per-command history does not
 * do; Ctrl+Z while typing here undoes typing, elsewhere on the board it undoes commands.
 * StarterKit's own history is off: it would undo a colleague's text too (docs/stack.md).
 *
 * `awareness`: the board connection's; when given, others' carets show with their names and
 * colours. The names come from the `user` the server writes into each awareness state.
 */
export function descriptionExtensions(fragment: Y.XmlFragment, awareness: Awareness | null, placeholder: string): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [3] },
      codeBlock: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        // Whatever another client wrote into the fragment, no javascript: link is drawn.
        isAllowedUri: (url) => isAllowedCommentLink(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank", class: "text-indigo-600 underline dark:text-indigo-400" },
      },
    }),
    Collaboration.configure({ fragment }),
    ...(awareness ? [CollaborationCaret.configure({ provider: { awareness } })] : []),
    Placeholder.configure({ placeholder }),
  ];
}
