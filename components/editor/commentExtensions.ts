import type { Extensions } from "@tiptap/core";
import Mention from "@tiptap/extension-mention";
import StarterKit from "@tiptap/starter-kit";

/** The links a comment may hold; the server refuses any other scheme (lib/model/commentBody.ts). */
export const isAllowedCommentLink = (url: string): boolean => /^(https?:\/\/|mailto:)/i.test(url);

/**
 * What a comment may contain, shared by the editor and the read-only renderer so both agree on
 * the schema the server accepts: paragraphs, breaks, lists, bold/italic/strike/code, links and
 * mentions. Headings, quotes, code blocks, rules and underline are left out on purpose.
 */
export function commentExtensions(mention: Parameters<typeof Mention.configure>[0] = {}): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      codeBlock: false,
      horizontalRule: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        isAllowedUri: (url) => isAllowedCommentLink(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank", class: "text-indigo-600 underline dark:text-indigo-400" },
      },
    }),
    Mention.configure({
      HTMLAttributes: { class: "rounded bg-indigo-50 px-0.5 font-medium text-indigo-700 dark:bg-indigo-500/15 dark:text-indigo-300" },
      ...mention,
    }),
  ];
}
