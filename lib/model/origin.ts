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
}

export function createOrigin(kind: OriginKind, actor: string): CommandOrigin {
  return Object.freeze({ kind, actor });
}

export function isCommandOrigin(value: unknown): value is CommandOrigin {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CommandOrigin).kind === "string" &&
    typeof (value as CommandOrigin).actor === "string"
  );
}
