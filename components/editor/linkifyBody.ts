import type { JSONContent } from "@tiptap/core";
import { find } from "linkifyjs";
import { isAllowedCommentLink } from "./commentExtensions";

/**
 * Turns web and mail addresses written as plain text into links before a comment is sent.
 * The editor links an address as the person types past it (autolink), but not one that ends the
 * comment or was typed just before sending, so those would stay plain text. Text that already
 * carries a link, and code, are left as they are.
 */
export function linkifyBody(node: JSONContent): JSONContent {
  if (node.type === "text") return node;
  if (!node.content) return node;
  return { ...node, content: node.content.flatMap((child) => (child.type === "text" ? linkifyText(child) : [linkifyBody(child)])) };
}

function linkifyText(node: JSONContent): JSONContent[] {
  const text = node.text ?? "";
  if (node.marks?.some((mark) => mark.type === "link" || mark.type === "code")) return [node];
  const links = find(text, { defaultProtocol: "https" }).filter((link) => (link.type === "url" || link.type === "email") && isAllowedCommentLink(link.href));
  if (links.length === 0) return [node];
  const out: JSONContent[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start > at) out.push({ ...node, text: text.slice(at, link.start) });
    out.push({ ...node, text: text.slice(link.start, link.end), marks: [...(node.marks ?? []), { type: "link", attrs: { href: link.href } }] });
    at = link.end;
  }
  if (at < text.length) out.push({ ...node, text: text.slice(at) });
  return out;
}
