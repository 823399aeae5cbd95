"use client";

import { useEffect, useState, type RefObject } from "react";

/** Ready: Space is held over the timeline (a press will pan); active: a pan is under way. */
export type PanState = "ready" | "active" | null;

/** Keys typed into these mean text, never "hold to pan". */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select, [contenteditable]"));

/** Browsers report wheel deltas in lines or pages on some devices; pixels are what scrollLeft takes. */
const LINE_PX = 16;

/**
 * Panning the timeline the ways drawing tools do: drag with the middle mouse button anywhere,
 * or hold Space and drag with the main button (over bars too: the capture phase takes the press
 * before a bar would start moving); Shift+wheel scrolls sideways on mice that only have a
 * vertical wheel. Scrolling is the scroll container's own, so the canvas window, the sticky
 * headers and everything keyed on scroll keep working.
 */
export function useTimelinePan(scrollRef: RefObject<HTMLDivElement | null>): PanState {
  const [state, setState] = useState<PanState>(null);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let space = false;
    /** A pan just ended: the click the browser sends after it is not a click on the timeline. */
    let swallowClick = false;
    let pan: { pointerId: number; x: number; y: number; left: number; top: number } | null = null;

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.code !== "Space" || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      // Over the page itself Space would scroll it a screen down; held to pan, it must not.
      if (e.target === document.body || e.target === el) e.preventDefault();
      if (!space) {
        space = true;
        if (!pan) setState("ready");
      }
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.code !== "Space") return;
      space = false;
      if (!pan) setState(null);
    };
    const onBlur = () => {
      space = false;
      if (!pan) setState(null);
    };
    const onPointerDown = (e: PointerEvent) => {
      swallowClick = false;
      const middle = e.button === 1;
      if (!(middle || (e.button === 0 && space)) || pan) return;
      // Only the lanes and the axis pan; the scrollbars keep their own drag.
      const box = el.getBoundingClientRect();
      if (e.clientX - box.left > el.clientWidth || e.clientY - box.top > el.clientHeight) return;
      e.preventDefault(); // no autoscroll circle for the middle button, no text selection
      e.stopPropagation(); // not a bar move, not an item drawn on the canvas
      pan = { pointerId: e.pointerId, x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
      el.setPointerCapture(e.pointerId);
      setState("active");
    };
    const onPointerMove = (e: PointerEvent) => {
      if (!pan || e.pointerId !== pan.pointerId) return;
      el.scrollLeft = pan.left - (e.clientX - pan.x);
      el.scrollTop = pan.top - (e.clientY - pan.y);
    };
    const onPointerUp = (e: PointerEvent) => {
      if (!pan || e.pointerId !== pan.pointerId) return;
      pan = null;
      swallowClick = true;
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      setState(space ? "ready" : null);
    };
    // The click that ends a pan must not clear the selection or count towards a double-click.
    const onClick = (e: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.stopPropagation();
    };
    const onWheel = (e: WheelEvent) => {
      // Some platforms already turn Shift+wheel into deltaX; only a purely vertical one needs it.
      if (!e.shiftKey || e.deltaX !== 0 || e.deltaY === 0 || e.ctrlKey) return;
      const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? LINE_PX : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? el.clientWidth : 1;
      e.preventDefault();
      el.scrollLeft += e.deltaY * unit;
    };

    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("keyup", onKeyUp);
    window.addEventListener("blur", onBlur);
    el.addEventListener("pointerdown", onPointerDown, true);
    el.addEventListener("pointermove", onPointerMove);
    el.addEventListener("pointerup", onPointerUp);
    el.addEventListener("pointercancel", onPointerUp);
    el.addEventListener("auxclick", onClick, true);
    el.addEventListener("click", onClick, true);
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("keyup", onKeyUp);
      window.removeEventListener("blur", onBlur);
      el.removeEventListener("pointerdown", onPointerDown, true);
      el.removeEventListener("pointermove", onPointerMove);
      el.removeEventListener("pointerup", onPointerUp);
      el.removeEventListener("pointercancel", onPointerUp);
      el.removeEventListener("auxclick", onClick, true);
      el.removeEventListener("click", onClick, true);
      el.removeEventListener("wheel", onWheel, { passive: false } as EventListenerOptions);
    };
  }, [scrollRef]);

  return state;
}
