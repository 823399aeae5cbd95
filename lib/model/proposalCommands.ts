import * as Y from "yjs";
import type { ProposalBase, ProposalChange, ProposedFields } from "../protocol/proposals";
import { collection, DESCRIPTION_FIELD, itemDescription, recordMap } from "./docLayout";
import type { ItemId } from "./ids";
import { createItem, deleteItem, updateItem } from "./itemCommands";
import type { CommandOrigin } from "./origin";
import { err, ok, type Result } from "./result";
import { transact } from "./transact";

/**
 * Proposals (docs/teams.md "Proposals") as document reads and one write: the item's values for
 * the fields a proposal changes (its `base` then, its `now` later), and accepting it as ONE
 * transaction made of the usual item commands.
 */

type BaseField = Exclude<keyof ProposalBase, "exists">;
/** What a removal depends on: the item as its proposer saw it. */
const REMOVAL_FIELDS: readonly BaseField[] = ["title", "start", "duration", "phaseId", "laneId"];

/** An item's rich-text description as plain text: one line per block. */
export function descriptionText(fragment: Y.XmlFragment | undefined): string {
  if (!fragment) return "";
  const textOf = (node: unknown): string => {
    if (node instanceof Y.XmlText) return (node.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");
    if (!(node instanceof Y.XmlElement)) return "";
    const children = node.toArray();
    // Blocks inside blocks (list items) are lines of their own; text runs are one line.
    return children.map(textOf).join(children.some((c) => c instanceof Y.XmlElement) ? "\n" : "");
  };
  return fragment
    .toArray()
    .map(textOf)
    .join("\n");
}

/** The fields a change names, in a fixed order. */
function fieldsOf(change: ProposalChange): BaseField[] {
  if (change.kind === "create") return [];
  if (change.kind === "remove") return [...REMOVAL_FIELDS];
  return (Object.keys(change.fields) as BaseField[]).sort();
}

/** The item's values now for the fields the proposal depends on; `exists: false` for a new item or a gone one. */
export function proposalBase(doc: Y.Doc, change: ProposalChange): ProposalBase {
  if (change.kind === "create") return { exists: false };
  const map = recordMap(doc, "items", change.itemId);
  if (!map) return { exists: false };
  const base: ProposalBase = { exists: true };
  for (const field of fieldsOf(change)) {
    const value = field === "scope" ? descriptionText(itemDescription(doc, change.itemId)) : map.get(field);
    base[field] = value === undefined ? null : value;
  }
  return base;
}

/** Has the item changed since (any field the proposal depends on differs, or it is gone)? */
export function isStale(base: ProposalBase, now: ProposalBase): boolean {
  if (base.exists !== now.exists) return true;
  return (Object.keys(base) as (keyof ProposalBase)[]).some((key) => JSON.stringify(base[key]) !== JSON.stringify(now[key]));
}

/** Paragraphs of plain text, one per line, as the editor writes them. */
function paragraphs(text: string): Y.XmlElement[] {
  return text.split("\n").map((line) => {
    const p = new Y.XmlElement("paragraph");
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
}

function replaceDescription(doc: Y.Doc, id: ItemId, text: string): void {
  const map = recordMap(doc, "items", id)!;
  let fragment = map.get(DESCRIPTION_FIELD);
  if (!(fragment instanceof Y.XmlFragment)) {
    fragment = new Y.XmlFragment();
    map.set(DESCRIPTION_FIELD, fragment);
  }
  const f = fragment as Y.XmlFragment;
  if (f.length) f.delete(0, f.length);
  f.insert(0, paragraphs(text));
}

/**
 * Applies an accepted proposal as one transaction (one update, one history entry per item).
 * Returns the item it touched (the new one for a new-item proposal). Nothing is written when a
 * command refuses (a lane or phase deleted since, the item gone).
 */
export function applyProposal(doc: Y.Doc, origin: CommandOrigin, change: ProposalChange): Result<ItemId> {
  let out: Result<ItemId> = err("nothing applied");
  // Checked before writing, so a refusal leaves the document untouched.
  const missing = missingTarget(doc, change);
  if (missing) return err(missing);
  transact(doc, origin, () => {
    if (change.kind === "remove") {
      const removed = deleteItem(doc, origin, change.itemId);
      out = removed.ok ? ok(change.itemId) : removed;
      return;
    }
    if (change.kind === "create") {
      const { scope, ...item } = change.item;
      const created = createItem(doc, origin, { ...item, laneId: change.laneId });
      if (created.ok && scope) replaceDescription(doc, created.value, scope);
      out = created;
      return;
    }
    const { scope, ...fields } = change.fields as ProposedFields;
    if (Object.keys(fields).length) {
      const updated = updateItem(doc, origin, change.itemId, fields);
      if (!updated.ok) {
        out = updated;
        return;
      }
    }
    if (scope !== undefined) replaceDescription(doc, change.itemId, scope);
    out = ok(change.itemId);
  });
  return out;
}

/** Why the change cannot be applied to the document as it is, or null. */
export function missingTarget(doc: Y.Doc, change: ProposalChange): string | null {
  if (change.kind !== "create" && !collection(doc, "items").has(change.itemId)) return "That item is no longer on the board.";
  const laneId = change.kind === "create" ? change.laneId : change.kind === "change" ? change.fields.laneId : undefined;
  if (laneId !== undefined && !recordMap(doc, "lanes", laneId)) return "That lane is no longer on the board.";
  const phaseId = change.kind === "create" ? change.item.phaseId : change.kind === "change" ? change.fields.phaseId : undefined;
  if (phaseId && !recordMap(doc, "phases", phaseId)) return "That phase is no longer on the board.";
  return null;
}
