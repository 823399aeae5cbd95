import { randomUUID } from "node:crypto";

/** Version ids: unguessable, so knowing one board's version id says nothing about another's. */
export function newVersionId(): string {
  return `v-${randomUUID()}`;
}

/** What a version id looks like (route parameters are checked against it before any lookup). */
export const VERSION_ID_PATTERN = /^v-[0-9a-f-]{36}$/;
