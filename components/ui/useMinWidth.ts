"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether the window is at least `px` wide, kept current as it resizes: for what CSS alone
 * cannot decide (how many avatars fit, not just whether to show them). False while
 * server-rendering, so a page starts from its narrowest layout.
 */
export function useMinWidth(px: number): boolean {
  const query = `(min-width: ${px}px)`;
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
