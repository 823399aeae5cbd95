import * as encoding from "lib0/encoding";

/**
 * Yjs updates (format V1) written by hand, struct by struct, as a hostile client can: shapes no
 * Yjs encoder produces (a client listed twice, empty structs, overlaps re-anchored elsewhere).
 */
export type HandId = { client: number; clock: number };
export type HandContent =
  | { deleted: number }
  | { string: string }
  | { any: unknown[] }
  | { type: "map" | "array" | "text" | "fragment" | "xmltext" }
  | { element: string }
  | { format: [string, unknown] };
export type HandStruct = { gc: number } | { skip: number } | { origin?: HandId; right?: HandId; parent?: string | HandId; sub?: string; content: HandContent };
export type HandSection = { client: number; clock: number; structs: HandStruct[] };

const TYPE_REFS = { array: 0, map: 1, text: 2, element: 3, fragment: 4, hook: 5, xmltext: 6 } as const;
const contentRef = (c: HandContent) => ("deleted" in c ? 1 : "string" in c ? 4 : "format" in c ? 6 : "type" in c || "element" in c ? 7 : 8);

function writeContent(e: encoding.Encoder, c: HandContent): void {
  if ("deleted" in c) encoding.writeVarUint(e, c.deleted);
  else if ("string" in c) encoding.writeVarString(e, c.string);
  else if ("format" in c) {
    encoding.writeVarString(e, c.format[0]);
    encoding.writeVarString(e, JSON.stringify(c.format[1]));
  } else if ("type" in c) encoding.writeVarUint(e, TYPE_REFS[c.type]);
  else if ("element" in c) {
    encoding.writeVarUint(e, TYPE_REFS.element);
    encoding.writeVarString(e, c.element);
  } else {
    encoding.writeVarUint(e, c.any.length);
    for (const v of c.any) encoding.writeAny(e, v as never);
  }
}

const writeId = (e: encoding.Encoder, id: HandId) => {
  encoding.writeVarUint(e, id.client);
  encoding.writeVarUint(e, id.clock);
};

export function handUpdate(sections: HandSection[], deletes: [number, [number, number][]][] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, sections.length);
  for (const section of sections) {
    encoding.writeVarUint(e, section.structs.length);
    encoding.writeVarUint(e, section.client);
    encoding.writeVarUint(e, section.clock);
    for (const s of section.structs) {
      if ("gc" in s) {
        encoding.writeUint8(e, 0);
        encoding.writeVarUint(e, s.gc);
        continue;
      }
      if ("skip" in s) {
        encoding.writeUint8(e, 10);
        encoding.writeVarUint(e, s.skip);
        continue;
      }
      encoding.writeUint8(e, contentRef(s.content) | (s.origin ? 128 : 0) | (s.right ? 64 : 0) | (s.sub !== undefined ? 32 : 0));
      if (s.origin) writeId(e, s.origin);
      if (s.right) writeId(e, s.right);
      if (!s.origin && !s.right) {
        if (typeof s.parent === "string") {
          encoding.writeVarUint(e, 1);
          encoding.writeVarString(e, s.parent);
        } else {
          encoding.writeVarUint(e, 0);
          writeId(e, s.parent!);
        }
        if (s.sub !== undefined) encoding.writeVarString(e, s.sub);
      }
      writeContent(e, s.content);
    }
  }
  encoding.writeVarUint(e, deletes.length);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}
