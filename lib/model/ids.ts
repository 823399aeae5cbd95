import { z } from "zod";

/**
 * Branded ids: an ItemId can never be passed where a LaneId is expected. Each kind is created
 * by exactly one function here, and parsed at every boundary by its schema.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type BoardId = Brand<string, "BoardId">;
export type LaneId = Brand<string, "LaneId">;
export type PhaseId = Brand<string, "PhaseId">;
export type ItemId = Brand<string, "ItemId">;
export type DependencyId = Brand<string, "DependencyId">;
export type MilestoneId = Brand<string, "MilestoneId">;
export type UserId = Brand<string, "UserId">;

/** Ids are URL- and room-name-safe so they can travel in paths and Yjs map keys unescaped. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const idString = z.string().regex(ID_PATTERN, "must be 1-64 letters, digits, '-' or '_'");

export const boardIdSchema = idString.transform((s) => s as BoardId);
export const laneIdSchema = idString.transform((s) => s as LaneId);
export const phaseIdSchema = idString.transform((s) => s as PhaseId);
export const itemIdSchema = idString.transform((s) => s as ItemId);
export const dependencyIdSchema = idString.transform((s) => s as DependencyId);
export const milestoneIdSchema = idString.transform((s) => s as MilestoneId);
export const userIdSchema = idString.transform((s) => s as UserId);

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * 16 random base-36 characters (~82 bits). Uses getRandomValues rather than randomUUID because
 * randomUUID only exists in secure contexts, and workshop laptops often open the board over
 * plain http on a LAN address.
 */
function randomId(prefix: string): string {
  // Random bytes are drawn 4 KB at a time: one call per id cost 7% of a 10,000-task import.
  if (poolAt + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  let out = prefix;
  for (let i = poolAt; i < poolAt + 16; i++) out += ALPHABET[pool[i]! % 36];
  poolAt += 16;
  return out;
}
const pool = new Uint8Array(4096);
let poolAt = pool.length;

export const newBoardId = (): BoardId => randomId("b") as BoardId;
export const newLaneId = (): LaneId => randomId("l") as LaneId;
export const newPhaseId = (): PhaseId => randomId("p") as PhaseId;
export const newItemId = (): ItemId => randomId("i") as ItemId;
export const newDependencyId = (): DependencyId => randomId("d") as DependencyId;
export const newMilestoneId = (): MilestoneId => randomId("m") as MilestoneId;
/** Users are created by the server only; the id is opaque and never derived from the email. */
export const newUserId = (): UserId => randomId("u") as UserId;

/** True when `s` is shaped like an id of any kind (used to reject junk keys early). */
export function isIdShaped(s: string): boolean {
  return ID_PATTERN.test(s);
}
