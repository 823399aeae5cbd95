/**
 * Who wrote a transaction. Every command passes one to `doc.transact`, so undo (track only my
 * origin), persistence and fan-out (skip my own echo) can tell writes apart. Identity matters:
 * create one origin per session and reuse it.
 */
export type OriginKind = "local" | "remote" | "server" | "import" | "template";

export interface CommandOrigin {
  readonly kind: OriginKind;
  /** A user id, connection id or tool name, for logs and history. */
  readonly actor: string;
  /**
   * For a server write made at a person's request through a route that checked their rights (a
   * committed dependency request, docs/teams.md): the person's user id, so the object history
   * attributes the write to them rather than to nobody.
   */
  readonly onBehalfOf?: string;
}

export function createOrigin(kind: OriginKind, actor: string): CommandOrigin {
  return Object.freeze({ kind, actor });
}

/** The origin of a server write on a person's behalf: `tag` says what wrote it (logs), `userId` whom history names. */
export function serverOriginFor(tag: string, userId: string): CommandOrigin {
  return Object.freeze({ kind: "server", actor: `${tag}:${userId}`, onBehalfOf: userId });
}

/** The person a server write was made for, or null (any other origin). */
export function onBehalfOf(origin: unknown): string | null {
  return isCommandOrigin(origin) && origin.kind === "server" && typeof origin.onBehalfOf === "string" ? origin.onBehalfOf : null;
}

export function isCommandOrigin(value: unknown): value is CommandOrigin {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CommandOrigin).kind === "string" &&
    typeof (value as CommandOrigin).actor === "string"
  );
}
