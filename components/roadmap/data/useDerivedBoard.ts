"use client";

import { useMemo, useState } from "react";
import { BoardDeriver } from "../../../lib/derive/deriveBoard";
import type { DerivedBoard } from "../../../lib/derive/types";
import type { DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import { timed } from "../../collab/timing";

/**
 * The schedule and the conflicts of the board as drawn: derived once per snapshot (and per
 * day), never per render. One deriver per mounted board lets the scheduler reuse its graph
 * and per-item work between snapshots; its output equals a fresh deriveBoard's.
 */
export function useDerivedBoard(snapshot: BoardSnapshot, today: DateString): DerivedBoard {
  const [deriver] = useState(() => new BoardDeriver());
  return useMemo(() => timed("waymark:derive", () => deriver.derive(snapshot, { today })), [deriver, snapshot, today]);
}
