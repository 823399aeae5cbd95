"use client";

import { createContext, useLayoutEffect, useState, type RefObject } from "react";

/** The width of one side panel (PanelFrame's w-80). */
export const PANEL_WIDTH = 320;
/** The narrowest the board's view may get beside docked panels and still be read and worked on. */
export const MIN_VIEW_WIDTH = 560;

/**
 * "docked": side panels stand beside the view, which narrows. "overlay": they lie over the
 * view's right edge (full width on a phone), so the view keeps its width.
 */
export type PanelPlacement = "docked" | "overlay";

/** What PanelFrame reads: how the board lays its side panels out right now. */
export const PanelPlacementContext = createContext<PanelPlacement>("docked");

/**
 * Docks the open side panels while the view keeps at least MIN_VIEW_WIDTH beside them, and lays
 * them over the view otherwise: one panel on a laptop docks, three on it overlay, any on a phone
 * overlays. Measured on the area that holds view and panels, as it resizes.
 */
export function usePanelPlacement(areaRef: RefObject<HTMLElement | null>, openPanels: number): PanelPlacement {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = areaRef.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [areaRef]);
  if (width === null) return "docked";
  return width - openPanels * PANEL_WIDTH >= MIN_VIEW_WIDTH ? "docked" : "overlay";
}
