"use client";

import { useCallback, useSyncExternalStore } from "react";
import { z } from "zod";

/**
 * Who this browser is on a board until accounts exist: a friendly random name and a colour,
 * kept in localStorage so a person keeps them across boards and reloads, and editable.
 */
export const PRESENCE_COLORS = [
  "#e11d48", "#ea580c", "#ca8a04", "#16a34a", "#0d9488",
  "#0284c7", "#4f46e5", "#9333ea", "#c026d3", "#db2777",
] as const;

const ADJECTIVES = ["Calm", "Brisk", "Clever", "Gentle", "Lively", "Patient", "Quiet", "Sunny", "Swift", "Witty"] as const;
const ANIMALS = ["Otter", "Heron", "Lynx", "Panda", "Falcon", "Badger", "Koala", "Marten", "Puffin", "Wren"] as const;

export const identitySchema = z.object({
  name: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Identity = z.infer<typeof identitySchema>;

const STORAGE_KEY = "waymark.identity";
/** Fired on this window when the identity changes here; `storage` covers other tabs. */
const CHANGE_EVENT = "waymark:identity";

function pick<T>(list: readonly T[]): T {
  const bytes = new Uint8Array(1);
  globalThis.crypto.getRandomValues(bytes);
  return list[bytes[0]! % list.length]!;
}

export function randomIdentity(): Identity {
  return { name: `${pick(ADJECTIVES)} ${pick(ANIMALS)}`, color: pick(PRESENCE_COLORS) };
}

let cache: { raw: string | null; identity: Identity } | null = null;

/**
 * Reads the stored identity, creating and storing one on first use. Stable across calls (the
 * same object until storage changes), as useSyncExternalStore requires; the one write on first
 * use is idempotent, so calling this during render is safe.
 */
function readIdentity(): Identity {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies); a per-page identity still works.
  }
  if (cache && cache.raw === raw) return cache.identity;
  let parsed: Identity | null = null;
  if (raw !== null) {
    try {
      const result = identitySchema.safeParse(JSON.parse(raw));
      if (result.success) parsed = result.data;
    } catch {
      // Junk in storage: replaced below.
    }
  }
  if (!parsed) {
    parsed = cache?.identity ?? randomIdentity();
    raw = writeRaw(parsed);
  }
  cache = { raw, identity: parsed };
  return parsed;
}

function writeRaw(identity: Identity): string | null {
  const raw = JSON.stringify(identity);
  try {
    window.localStorage.setItem(STORAGE_KEY, raw);
    return raw;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The server has no identity: render without one, then the client fills it in. */
const serverSnapshot = () => null;

/** The local identity (null while server-rendering) and a setter that validates and persists. */
export function useIdentity(): [Identity | null, (next: Identity) => boolean] {
  const identity = useSyncExternalStore(subscribe, readIdentity, serverSnapshot);
  const update = useCallback((next: Identity) => {
    const parsed = identitySchema.safeParse(next);
    if (!parsed.success) return false;
    cache = { raw: writeRaw(parsed.data), identity: parsed.data };
    window.dispatchEvent(new Event(CHANGE_EVENT));
    return true;
  }, []);
  return [identity, update];
}
