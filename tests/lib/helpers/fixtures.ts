import type * as Y from "yjs";
import { date } from "../../../lib/model/dates";
import { createItem, type NewItem } from "../../../lib/model/itemCommands";
import type { ItemId } from "../../../lib/model/ids";
import { createOrigin } from "../../../lib/model/origin";
import { initBoardFromTemplate, type TemplateIds } from "../../../lib/model/template";
import { newDoc, unwrap } from "./docs";

/** The origin fixtures are written with, distinct from the origins the tests assert on. */
export const setup = createOrigin("template", "test-setup");

export interface TemplateBoard {
  doc: Y.Doc;
  ids: TemplateIds;
}

/** A fresh board from the service-roadmap template (2027, Monday 4 January to 31 December). */
export function templateBoard(clientID?: number): TemplateBoard {
  const doc = newDoc(clientID);
  const ids = initBoardFromTemplate(doc, setup, {
    title: "Test roadmap",
    horizonStart: date("2027-01-04"),
    horizonEnd: date("2027-12-31"),
  });
  return { doc, ids };
}

export function addItem(doc: Y.Doc, input: Partial<NewItem> = {}): ItemId {
  return unwrap(createItem(doc, setup, { title: "Item", ...input }));
}
