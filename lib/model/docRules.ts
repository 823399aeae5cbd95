import * as Y from "yjs";
import type { z } from "zod";
import { BOARD_MAP, COLLECTIONS, DESCRIPTION_FIELD, type CollectionName } from "./docLayout";
import { isIdShaped } from "./ids";
import { boardSettingsSchema, dependencySchema, itemSchema, laneSchema, milestoneSchema, phaseSchema } from "./schemas";

/**
 * What may go where in a board's Y.Doc, as a grammar over "slots": the place a piece of content
 * would land (a shared type, and the map key for map entries). The sync server checks every
 * struct of a client's update against it before the update touches the room's document
 * (docs/document-rules.md), so no client can put a shared type where a value belongs, nest
 * types deeper than a description needs, or write a 5 MB title. The rules only ever look at one
 * struct and the slot it lands in, so any state concurrent edits reach is still accepted: two
 * valid writes to one field, an item deleted while someone edits it, are each valid alone.
 */
export type Slot =
  | { kind: "board" }
  | { kind: "collection"; name: CollectionName }
  | { kind: "record"; name: CollectionName }
  /** Inside an item's description: the fragment is depth 1, its children depth 2, … */
  | { kind: "rich"; type: "fragment" | "element" | "text"; depth: number };

/**
 * How deep a description's XML may nest below the item. ProseMirror needs four levels for a
 * paragraph in a list item and two more per nested list: 32 allows 14 nested lists, while
 * Yjs's recursive deletion and garbage collection (one stack frame chain per level) stay far
 * from the stack limit, which ~3,000 levels overflowed.
 */
export const MAX_RICH_DEPTH = 32;
/** Children (paragraphs, list items, …) one element or the description itself may hold. */
export const MAX_RICH_CHILDREN = 2_000;
/** Characters one text struct of a description may carry (a long paste arrives as one). */
export const MAX_RICH_TEXT = 100_000;
/** JSON size of an XML attribute, a format mark or an embed in a description. */
export const MAX_RICH_VALUE_CHARS = 2_000;

/**
 * The description editor's schema (Tiptap's StarterKit as components/editor configures it):
 * element names are its node types, formatting keys its marks, as y-prosemirror writes them
 * (a mark that may overlap itself gets `--<hash>` after its name). Only these are accepted:
 * Yjs re-reads every open formatting key at each formatted character after a remote edit, so
 * thousands of made-up keys made one 14-byte edit cost fifteen seconds of everybody's CPU.
 * A new editor extension adds its names here.
 */
export const RICH_NODES: ReadonlySet<string> = new Set([
  "paragraph", "heading", "blockquote", "bulletList", "orderedList", "listItem", "hardBreak", "codeBlock", "horizontalRule",
]);
const RICH_MARK = /^(bold|italic|strike|code|link|underline)(--[A-Za-z0-9+/=_-]{1,64})?$/;

type FieldSchemas = Record<string, z.ZodType>;

const RECORD_FIELDS: Record<CollectionName, FieldSchemas> = {
  lanes: laneSchema.shape,
  phases: phaseSchema.shape,
  items: itemSchema.shape,
  dependencies: dependencySchema.shape,
  milestones: milestoneSchema.shape,
};
const BOARD_FIELDS: FieldSchemas = boardSettingsSchema.shape;

/** The slot of each top-level shared type; any other root name is refused. */
export function rootSlot(name: string): Slot | null {
  if (name === BOARD_MAP) return { kind: "board" };
  return (COLLECTIONS as readonly string[]).includes(name) ? { kind: "collection", name: name as CollectionName } : null;
}

/** What a slot accepts: a refusal in words, or (for a shared type) the slot its own content lands in. */
export type Placement = { ok: true; child: Slot | null } | { ok: false; reason: string };

const refuse = (reason: string): Placement => ({ ok: false, reason });
const VALUE: Placement = { ok: true, child: null };

function where(slot: Slot, key: string | null): string {
  switch (slot.kind) {
    case "board":
      return `board.${key ?? "[]"}`;
    case "collection":
      return `${slot.name}[${key ?? ""}]`;
    case "record":
      return `${slot.name} field ${key ?? "[]"}`;
    case "rich":
      return `description (depth ${slot.depth})`;
  }
}

/** Checks one map value against its field's schema: the right kind and within its size. */
function fieldValue(schema: z.ZodType | undefined, content: object, at: string): Placement {
  if (!schema) return refuse(`${at} is not a field of the board's layout`);
  if (!(content instanceof Y.ContentAny)) return refuse(`${at} must hold a plain value, not ${contentName(content)}`);
  if (content.arr.length !== 1) return refuse(`${at} must hold one value`);
  const parsed = schema.safeParse(content.arr[0]);
  if (!parsed.success) return refuse(`${at}: ${parsed.error.issues[0]?.message ?? "invalid value"}`);
  return VALUE;
}

/** The name of a struct's content, for refusal messages. */
export function contentName(content: object): string {
  if (content instanceof Y.ContentType) return `a shared type (${typeName(content.type)})`;
  return content.constructor.name.replace(/^Content/, "").toLowerCase() || "content";
}

function typeName(type: Y.AbstractType<unknown>): string {
  // Subclasses first: XmlHook extends Map, XmlText extends Text, XmlElement extends XmlFragment.
  if (type instanceof Y.XmlHook) return "XmlHook";
  if (type instanceof Y.Map) return "Map";
  if (type instanceof Y.XmlText) return "XmlText";
  if (type instanceof Y.Text) return "Text";
  if (type instanceof Y.XmlElement) return "XmlElement";
  if (type instanceof Y.XmlFragment) return "XmlFragment";
  if (type instanceof Y.Array) return "Array";
  return "unknown";
}

function jsonChars(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Infinity;
  }
}

/**
 * Whether `content` may land in `slot` (under map key `key`, or in its sequence when null).
 * Deleted content carries nothing and is accepted anywhere the slot itself is valid.
 */
export function place(slot: Slot, key: string | null, content: object): Placement {
  if (content instanceof Y.ContentDeleted) return VALUE;
  const at = where(slot, key);
  switch (slot.kind) {
    case "board":
      if (key === null) return refuse(`${at}: the board's settings are a map, not a list`);
      return fieldValue(BOARD_FIELDS[key], content, at);
    case "collection":
      if (key === null) return refuse(`${at}: ${slot.name} is a map of records, not a list`);
      if (!isIdShaped(key)) return refuse(`${at}: "${key.slice(0, 40)}" is not a record id`);
      if (content instanceof Y.ContentType && typeName(content.type) === "Map") return { ok: true, child: { kind: "record", name: slot.name } };
      return refuse(`${at} must be a record (a map), not ${contentName(content)}`);
    case "record":
      if (key === null) return refuse(`${at}: a record is a map of fields, not a list`);
      if (slot.name === "items" && key === DESCRIPTION_FIELD) {
        if (content instanceof Y.ContentType && typeName(content.type) === "XmlFragment") {
          return { ok: true, child: { kind: "rich", type: "fragment", depth: 1 } };
        }
        return refuse(`${at} must be a rich-text fragment, not ${contentName(content)}`);
      }
      return fieldValue(RECORD_FIELDS[slot.name][key], content, at);
    case "rich":
      return placeRich(slot, key, content, at);
  }
}

function placeRich(slot: Extract<Slot, { kind: "rich" }>, key: string | null, content: object, at: string): Placement {
  if (key !== null) {
    // Attributes of an element (or of a text, which Yjs allows): small plain values only.
    if (slot.type === "fragment") return refuse(`${at}: a description has no attributes`);
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return refuse(`${at}: attribute ${key.slice(0, 40)} must be one plain value`);
    if (key.length > 100 || jsonChars(content.arr[0]) > MAX_RICH_VALUE_CHARS) return refuse(`${at}: attribute too large`);
    return VALUE;
  }
  if (slot.type === "text") {
    if (content instanceof Y.ContentString) {
      return content.str.length <= MAX_RICH_TEXT ? VALUE : refuse(`${at}: text over ${MAX_RICH_TEXT} characters in one piece`);
    }
    if (content instanceof Y.ContentFormat) {
      if (!RICH_MARK.test(content.key)) return refuse(`${at}: "${content.key.slice(0, 40)}" is not a formatting of descriptions`);
      return jsonChars(content.value) <= MAX_RICH_VALUE_CHARS ? VALUE : refuse(`${at}: formatting too large`);
    }
    if (content instanceof Y.ContentEmbed) return jsonChars(content.embed) <= MAX_RICH_VALUE_CHARS ? VALUE : refuse(`${at}: embed too large`);
    return refuse(`${at}: text may hold characters and formatting, not ${contentName(content)}`);
  }
  // Fragment or element children: elements and texts, no deeper than the bound.
  if (!(content instanceof Y.ContentType)) return refuse(`${at}: holds elements and texts, not ${contentName(content)}`);
  const kind = typeName(content.type);
  if (kind !== "XmlElement" && kind !== "XmlText") return refuse(`${at}: holds elements and texts, not a ${kind}`);
  if (slot.depth + 1 > MAX_RICH_DEPTH) return refuse(`${at}: nested deeper than ${MAX_RICH_DEPTH} levels`);
  if (kind === "XmlElement" && !RICH_NODES.has((content.type as Y.XmlElement).nodeName)) {
    return refuse(`${at}: "${(content.type as Y.XmlElement).nodeName.slice(0, 40)}" is not an element of descriptions`);
  }
  return { ok: true, child: { kind: "rich", type: kind === "XmlText" ? "text" : "element", depth: slot.depth + 1 } };
}
