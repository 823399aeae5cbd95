import * as Y from "yjs";
import { z } from "zod";

/**
 * An item's rich-text description (a Y.XmlFragment that Tiptap edits) as plain JSON and back,
 * without a ProseMirror schema: elements with their attributes and children, text with its
 * formatting runs. Lossless for what the editor writes, so a Waymark JSON export and its
 * import (lib/io/boardFile.ts) give back the same description.
 */
export type RichNode =
  | { type: "element"; name: string; attrs?: Record<string, AttrValue>; children: RichNode[] }
  | { type: "text"; runs: { text: string; marks?: Record<string, unknown> }[] };
type AttrValue = string | number | boolean | null;

/** Deeper than any document the editor makes; a file nesting further is junk (and a stack risk). */
export const MAX_RICH_DEPTH = 24;
/** Nodes in one description, all levels together. */
export const MAX_RICH_NODES = 5_000;

const attrValue = z.union([z.string().max(2_000), z.number().finite(), z.boolean(), z.null()]);
const elementName = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "not an element name");
const runSchema = z.strictObject({ text: z.string().max(100_000), marks: z.record(z.string().max(64), z.unknown()).optional() });

export const richNodeSchema: z.ZodType<RichNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("element"),
      name: elementName,
      attrs: z.record(z.string().max(64), attrValue).optional(),
      children: z.array(richNodeSchema).max(MAX_RICH_NODES),
    }),
    z.strictObject({ type: z.literal("text"), runs: z.array(runSchema).max(MAX_RICH_NODES) }),
  ]),
);

/** Depth and node count of a parsed description: the schema bounds each list, this bounds the whole. */
export function richTextProblem(nodes: readonly RichNode[]): string | null {
  let count = 0;
  const visit = (list: readonly RichNode[], depth: number): string | null => {
    if (depth > MAX_RICH_DEPTH) return `nested deeper than ${MAX_RICH_DEPTH} levels`;
    for (const node of list) {
      count += node.type === "text" ? Math.max(1, node.runs.length) : 1;
      if (count > MAX_RICH_NODES) return `more than ${MAX_RICH_NODES} parts`;
      if (node.type === "element") {
        const inner = visit(node.children, depth + 1);
        if (inner) return inner;
      }
    }
    return null;
  };
  return visit(nodes, 0);
}

export function fragmentToRich(fragment: Y.XmlFragment): RichNode[] {
  return fragment.toArray().flatMap((node) => nodeToRich(node));
}

function nodeToRich(node: unknown): RichNode[] {
  if (node instanceof Y.XmlText) {
    const runs = (node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[])
      .filter((op) => typeof op.insert === "string")
      .map((op) => (op.attributes && Object.keys(op.attributes).length ? { text: op.insert as string, marks: op.attributes } : { text: op.insert as string }));
    return [{ type: "text", runs }];
  }
  if (node instanceof Y.XmlElement) {
    const attrs = node.getAttributes() as Record<string, AttrValue>;
    const children = node.toArray().flatMap((child) => nodeToRich(child));
    return [Object.keys(attrs).length ? { type: "element", name: node.nodeName, attrs, children } : { type: "element", name: node.nodeName, children }];
  }
  // Y.XmlHook or anything else the editor never writes: nothing to carry over.
  return [];
}

/** New Yjs nodes for `nodes`, to insert into a fragment inside a transaction. */
export function richToYNodes(nodes: readonly RichNode[]): (Y.XmlElement | Y.XmlText)[] {
  return nodes.map((node) => {
    if (node.type === "text") {
      const text = new Y.XmlText();
      text.applyDelta(node.runs.map((run) => (run.marks ? { insert: run.text, attributes: run.marks } : { insert: run.text })));
      return text;
    }
    const element = new Y.XmlElement(node.name);
    for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as string);
    element.insert(0, richToYNodes(node.children));
    return element;
  });
}
