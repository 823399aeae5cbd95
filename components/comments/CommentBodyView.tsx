"use client";

import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import { memo } from "react";
import type { CommentBody } from "../../lib/model/commentBody";
import { commentExtensions } from "../editor/commentExtensions";

const EXTENSIONS = commentExtensions();

/**
 * A stored comment drawn as React elements by Tiptap's static renderer, with the same schema as
 * the editor: no editor instance per comment, and no HTML string (nothing to inject).
 */
export const CommentBodyView = memo(function CommentBodyView({ body }: { body: CommentBody }) {
  let content: React.ReactNode;
  try {
    content = renderToReactElement({ content: body, extensions: EXTENSIONS });
  } catch {
    // The server only stores bodies of this schema; should one not fit, say so rather than crash the thread.
    content = <p className="italic text-slate-500">This comment cannot be shown.</p>;
  }
  return <div className="comment-body text-sm text-slate-800 dark:text-slate-200">{content}</div>;
});
