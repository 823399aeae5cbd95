"use client";

import { useMinWidth } from "../../ui/useMinWidth";
import { LANE_HEADER_WIDTH, PHONE_LANE_HEADER_WIDTH } from "./geometry";

/** Below this window width the lane column shows names only, so the timeline keeps most of a phone. */
const WIDE_LANE_COLUMN_FROM = 640;

/**
 * The lane-name column's width for this window, in pixels, and whether it is the narrow one.
 * The timeline also sets it as the CSS variable `--lane-column`, which sticky labels and bars'
 * scroll margins read, so only code that needs the number (scroll edges, the visible window)
 * takes it as an argument.
 */
export function useLaneColumn(): { width: number; narrow: boolean } {
  const wide = useMinWidth(WIDE_LANE_COLUMN_FROM);
  return { width: wide ? LANE_HEADER_WIDTH : PHONE_LANE_HEADER_WIDTH, narrow: !wide };
}
