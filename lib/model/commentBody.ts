import { z } from "zod";
import { formatCount } from "../format/numbers";

/**
 * A comment's text as a Tiptap (ProseMirror) JSON document, restricted to what the comment
 * editor offers: paragraphs with line breaks, bullet and numbered lists, bold/italic/strike/
 * code, links and @mentions. The server parses every body with this schema, so a client cannot
 * store node types the readers do not know, script URLs, or a forged mention label (the server
 * rewrites labels to the member's name). Unknown attributes are dropped by parsing.
 */

/** Longest comment, counted in characters of its plain text (mentions count as their label). */
export const MAX_COMMENT_CHARS = 5_000;
/** Longest comment body as JSON: bounds formatting overhead as well as text. */
export const MAX_COMMENT_JSON_BYTES = 40_000;
/** Lists may nest, but not without end (each level is a recursion for every reader). */
export const MAX_LIST_DEPTH = 4;

/** Links open http(s) and mail addresses only: `javascript:` and `data:` URLs are refused. */
const hrefSchema = z
  .string()
  .max(2_000)
  .refine((href) => /^(https?:\/\/|mailto:)/i.test(href), "links must start with http://, https:// or mailto:");

const markSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }),
  z.object({ type: z.literal("italic") }),
  z.object({ type: z.literal("strike") }),
  z.object({ type: z.literal("code") }),
  z.object({ type: z.literal("link"), attrs: z.object({ href: hrefSchema }) }),
]);
export type CommentMark = z.infer<typeof markSchema>;

const textSchema = z.object({
  type: z.literal("text"),
  // Bounded by the JSON size checked first; the text's length is checked on the whole comment,
  // so a long paragraph is refused with its length in words, not as a schema path.
  text: z.string().min(1).max(MAX_COMMENT_JSON_BYTES),
  marks: z.array(markSchema).max(5).optional(),
});
const hardBreakSchema = z.object({ type: z.literal("hardBreak") });
const mentionSchema = z.object({
  type: z.literal("mention"),
  attrs: z.object({ id: z.string().min(1).max(64), label: z.string().max(200).nullable().optional() }),
});
const inlineSchema = z.discriminatedUnion("type", [textSchema, hardBreakSchema, mentionSchema]);
export type CommentInline = z.infer<typeof inlineSchema>;

const paragraphSchema = z.object({ type: z.literal("paragraph"), content: z.array(inlineSchema).max(2_000).optional() });

export type CommentBlock =
  | z.infer<typeof paragraphSchema>
  | { type: "bulletList"; content: CommentListItem[] }
  | { type: "orderedList"; attrs?: { start?: number }; content: CommentListItem[] };
export interface CommentListItem {
  type: "listItem";
  content: CommentBlock[];
}

const listItemSchema: z.ZodType<CommentListItem> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(blockSchema).min(1).max(200) }),
);
const blockSchema: z.ZodType<CommentBlock> = z.lazy(() =>
  z.discriminatedUnion("type", [
    paragraphSchema,
    z.object({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1).max(200) }),
    z.object({
      type: z.literal("orderedList"),
      attrs: z.object({ start: z.number().int().min(0).max(1_000_000).optional() }).optional(),
      content: z.array(listItemSchema).min(1).max(200),
    }),
  ]),
);

export interface CommentBody {
  type: "doc";
  content: CommentBlock[];
}

/** Shape only; use parseCommentBody for the limits (size, depth, emptiness). */
export const commentBodyShapeSchema: z.ZodType<CommentBody> = z.object({
  type: z.literal("doc"),
  content: z.array(blockSchema).min(1).max(500),
});

/** Every inline node in document order (depth-first). */
export function* inlineNodes(body: CommentBody): Generator<CommentInline> {
  function* walk(blocks: readonly CommentBlock[]): Generator<CommentInline> {
    for (const block of blocks) {
      if (block.type === "paragraph") yield* block.content ?? [];
      else for (const item of block.content) yield* walk(item.content);
    }
  }
  yield* walk(body.content);
}

function listDepth(blocks: readonly CommentBlock[]): number {
  let deepest = 0;
  for (const block of blocks) {
    if (block.type === "paragraph") continue;
    for (const item of block.content) deepest = Math.max(deepest, 1 + listDepth(item.content));
  }
  return deepest;
}

/** The comment as plain text: paragraphs and breaks as newlines, mentions as "@Name". */
export function commentText(body: CommentBody): string {
  const lines: string[] = [];
  function walk(blocks: readonly CommentBlock[], prefix: string): void {
    for (const block of blocks) {
      if (block.type === "paragraph") {
        let line = prefix;
        for (const node of block.content ?? []) {
          if (node.type === "text") line += node.text;
          else if (node.type === "hardBreak") line += "\n";
          else line += `@${node.attrs.label ?? node.attrs.id}`;
        }
        lines.push(line);
        prefix = "";
      } else {
        for (const item of block.content) walk(item.content, block.type === "bulletList" ? "• " : "- ");
      }
    }
  }
  walk(body.content, "");
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** The distinct user ids mentioned, in order of first mention. */
export function mentionedIds(body: CommentBody): string[] {
  const ids: string[] = [];
  for (const node of inlineNodes(body)) if (node.type === "mention" && !ids.includes(node.attrs.id)) ids.push(node.attrs.id);
  return ids;
}

/** A copy with every mention's label set by `labelOf` (the server names members itself). */
export function relabelMentions(body: CommentBody, labelOf: (id: string) => string): CommentBody {
  const mapBlocks = (blocks: readonly CommentBlock[]): CommentBlock[] =>
    blocks.map((block): CommentBlock => {
      if (block.type === "paragraph") {
        return block.content
          ? { ...block, content: block.content.map((n) => (n.type === "mention" ? { type: "mention", attrs: { id: n.attrs.id, label: labelOf(n.attrs.id) } } : n)) }
          : block;
      }
      return { ...block, content: block.content.map((item) => ({ type: "listItem", content: mapBlocks(item.content) })) };
    });
  return { type: "doc", content: mapBlocks(body.content) };
}

/** A body made of plain text (one paragraph per line): for seeds, tests and non-browser clients. */
export function commentBodyFromText(text: string): CommentBody {
  return {
    type: "doc",
    content: text.split("\n").map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

export type CommentBodyResult = { ok: true; body: CommentBody; text: string } | { ok: false; error: string };

/** Characters a comment counts against MAX_COMMENT_CHARS: its plain text (what the composer counts). */
export const commentLength = (body: CommentBody): number => commentText(body).length;

/** The sentence for a comment over MAX_COMMENT_CHARS, shared by the composer and the server. */
export function tooLongMessage(length: number): string {
  return `This comment is ${formatCount(length)} characters long; a comment can have at most ${formatCount(MAX_COMMENT_CHARS)}. Shorten it by ${formatCount(length - MAX_COMMENT_CHARS)}.`;
}

/**
 * What went wrong with a body's shape, in a sentence for whoever sent it: never a schema path
 * ("content.0.content.0.text: Too big"), which means nothing to a person. The comment editor
 * only produces shapes the schema accepts, so these reach people through other clients.
 */
function shapeMessage(issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  // Our own refinements already say it in words (links must start with http://…).
  if (issue?.code === "custom" && issue.message) return sentence(issue.message);
  if (issue?.code === "too_big" && issue.origin === "array") return "This comment has too many paragraphs, list entries or marks; split it into several comments.";
  if (issue?.code === "too_big") return "Part of this comment is too long; split it into several comments.";
  return "This comment holds something comments cannot: only paragraphs, lists, bold, italic, strike-through, code, links and @mentions.";
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;

/**
 * Parses an untrusted body: its shape, its size as JSON, list depth, and that it says something
 * (a comment of only spaces, breaks and empty lists is refused). Returns the canonical body
 * (unknown attributes dropped) and its plain text.
 */
export function parseCommentBody(input: unknown): CommentBodyResult {
  let json: string;
  try {
    json = JSON.stringify(input) ?? "";
  } catch {
    return { ok: false, error: "This comment could not be read: its body must be JSON." };
  }
  if (json.length > MAX_COMMENT_JSON_BYTES) {
    return {
      ok: false,
      error: `This comment is too long: with its formatting it takes more than ${formatCount(MAX_COMMENT_JSON_BYTES)} bytes, and a comment can have at most ${formatCount(MAX_COMMENT_CHARS)} characters.`,
    };
  }
  const parsed = commentBodyShapeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: shapeMessage(parsed.error.issues) };
  const body = parsed.data;
  if (listDepth(body.content) > MAX_LIST_DEPTH) return { ok: false, error: `Lists in a comment can be nested at most ${MAX_LIST_DEPTH} deep.` };
  const text = commentText(body);
  if (text.replace(/[•\-\s]/g, "").length === 0) return { ok: false, error: "This comment is empty: write something before sending it." };
  if (text.length > MAX_COMMENT_CHARS) return { ok: false, error: tooLongMessage(text.length) };
  return { ok: true, body, text };
}
