"use client";

import { useSyncExternalStore } from "react";
import type { DateString } from "../../../lib/model/dates";

/** The local calendar date: what "today" means to the person looking at the board. */
function localToday(): DateString {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as DateString;
}

/** Re-checks every minute so a board left open overnight moves its today line. */
function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, 60_000);
  return () => clearInterval(timer);
}

const serverToday = () => null;

/** Today's date, or null while server-rendering (the server's zone is not the reader's). */
export function useToday(): DateString | null {
  return useSyncExternalStore(subscribe, localToday, serverToday);
}
