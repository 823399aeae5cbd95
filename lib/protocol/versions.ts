import { z } from "zod";
import type { BoardSnapshot } from "../model/snapshot";

/** Why a version exists (docs/history.md). */
export type VersionReason = "named" | "quiet" | "daily" | "restore" | "import" | "workshop" | "scenario";

/** A version as the API and the UI show it. */
export interface VersionView {
  id: string;
  /** Named versions are kept; automatic ones (name null) thin out with age. */
  name: string | null;
  note: string | null;
  kind: "named" | "auto";
  reason: VersionReason;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  /** Stored size, compressed. */
  bytes: number;
}

export interface VersionList {
  versions: VersionView[];
  baselineId: string | null;
}

/** A board as it was: at a version, or at a moment of its recorded history. */
export interface PastBoard {
  /** The version it was read from, or null when replayed from the recorded history alone. */
  versionId: string | null;
  at: string;
  snapshot: BoardSnapshot;
  /** The replay stopped at its row limit before reaching `at`. */
  partial: boolean;
}

export const MAX_VERSION_NAME = 120;
export const MAX_VERSION_NOTE = 2_000;

export const versionNameSchema = z.string().trim().min(1, "Give the version a name").max(MAX_VERSION_NAME, `Keep the name under ${MAX_VERSION_NAME} characters`);
export const versionNoteSchema = z.string().trim().max(MAX_VERSION_NOTE, `Keep the note under ${MAX_VERSION_NOTE} characters`);

export const createVersionSchema = z.strictObject({ name: versionNameSchema, note: versionNoteSchema.optional() });
export const updateVersionSchema = z
  .strictObject({ name: versionNameSchema.optional(), note: versionNoteSchema.nullable().optional() })
  .refine((v) => v.name !== undefined || v.note !== undefined, "Send a name or a note to change");
export const restoreSchema = z.strictObject({
  /** Restore only this item from the version. */
  itemId: z.string().max(100).optional(),
  /**
   * false: take the automatic version and hand back the version's state for the caller to apply
   * as its own change (so its author can undo it); default true: the server applies it.
   */
  apply: z.boolean().optional(),
});
export const baselineSchema = z.strictObject({ versionId: z.string().max(100).nullable() });
/** A version id, or "now" for the live board. */
export const versionRefSchema = z.union([z.literal("now"), z.string().regex(/^v-[0-9a-f-]{36}$/, "not a version id")]);
export const isoMomentSchema = z.iso.datetime({ offset: true });
