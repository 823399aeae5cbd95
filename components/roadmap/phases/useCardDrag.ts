"use client";

import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import { EDGE_ZONE, edgeSpeed, pastDragThreshold } from "../../ui/dragRules";

/** Where a dragged card would land: a column, a position among its other cards, and where to draw the line. */
export interface CardDropTarget {
  column: number;
  /** Index among the column's cards without the dragged one. */
  index: number;
  /** The drop line's offset from the top of the column's scrolled content, in px. */
  top: number;
}

export interface CardDrag {
  id: string;
  /** The card's box when the drag began (viewport px); the ghost is drawn there, offset by dx, dy. */
  rect: { left: number; top: number; width: number };
  dx: number;
  dy: number;
  target: CardDropTarget | null;
}


interface Pending {
  id: string;
  pointerId: number;
  x0: number;
  y0: number;
  rect: CardDrag["rect"];
  active: boolean;
}

/** Attributes the board puts on each column's scrolling list of cards, which hit-testing reads. */
export const CARD_LIST_ATTR = "data-card-list";

/**
 * Pointer dragging of phase-board cards. The card's ghost follows the pointer (drawn fixed, so
 * no column's scroll box clips it), a line shows where it will land, and the lists and the board
 * scroll when the pointer nears their edges. Nothing is written until the drop, which calls
 * `onDrop` once (one command); Escape or a cancelled pointer drops nothing. A press that does
 * not move is a click: `onClick` (select). Read-only boards get clicks only.
 */
export function useCardDrag(options: {
  boardRef: RefObject<HTMLElement | null>;
  readOnly: boolean;
  onDrop: (id: string, target: CardDropTarget) => void;
  onClick: (id: string) => void;
}) {
  const { boardRef, readOnly, onDrop, onClick } = options;
  const [drag, setDrag] = useState<CardDrag | null>(null);
  const pending = useRef<Pending | null>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const latest = useRef({ onDrop, onClick });
  useEffect(() => {
    latest.current = { onDrop, onClick };
  }, [onDrop, onClick]);

  const hitTest = useCallback(
    (x: number, y: number, id: string): CardDropTarget | null => {
      const lists = [...(boardRef.current?.querySelectorAll<HTMLElement>(`[${CARD_LIST_ATTR}]`) ?? [])];
      let list: HTMLElement | undefined;
      let best = Infinity;
      for (const candidate of lists) {
        const r = candidate.getBoundingClientRect();
        const distance = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
        if (distance < best) [best, list] = [distance, candidate];
      }
      if (!list) return null;
      const box = list.getBoundingClientRect();
      const toContent = (clientY: number) => clientY - box.top + list.scrollTop;
      const cards = [...list.querySelectorAll<HTMLElement>("[data-card-id]")].filter((c) => c.dataset.cardId !== id).map((c) => c.getBoundingClientRect());
      let index = cards.findIndex((r) => y < r.top + r.height / 2);
      if (index < 0) index = cards.length;
      const above = cards[index - 1];
      const below = cards[index];
      const top = above && below ? toContent((above.bottom + below.top) / 2) : below ? toContent(below.top) - 4 : above ? toContent(above.bottom) + 4 : 6;
      return { column: Number(list.getAttribute(CARD_LIST_ATTR)), index, top };
    },
    [boardRef],
  );

  /** Follows the pointer: the ghost's offset and the drop target. */
  const track = useCallback(() => {
    const p = pending.current;
    if (!p?.active) return;
    const { x, y } = pointer.current;
    const target = hitTest(x, y, p.id);
    setDrag({ id: p.id, rect: p.rect, dx: x - p.x0, dy: y - p.y0, target });
  }, [hitTest]);

  // While dragging, scroll what the pointer is near the edge of, every frame, even when the
  // pointer rests there: that is how a card reaches a column scrolled out of view.
  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    let frame = requestAnimationFrame(function tick() {
      const { x, y } = pointer.current;
      let moved = scrollNearEdge(boardRef.current, x, "x");
      for (const list of boardRef.current?.querySelectorAll<HTMLElement>(`[${CARD_LIST_ATTR}]`) ?? []) {
        const r = list.getBoundingClientRect();
        if (x >= r.left && x <= r.right) moved = scrollNearEdge(list, y, "y") || moved;
      }
      if (moved) track();
      frame = requestAnimationFrame(tick);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      pending.current = null;
      setDrag(null);
    };
    window.addEventListener("keydown", onKey);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("keydown", onKey);
    };
  }, [dragging, boardRef, track]);

  // Moves and the release are followed on the window, not on the card: the card may re-render
  // or scroll out of its column while it is dragged, and the gesture must not get lost with it.
  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>, id: string) => {
      if (e.button !== 0 || pending.current) return;
      const r = e.currentTarget.getBoundingClientRect();
      const p: Pending = { id, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, rect: { left: r.left, top: r.top, width: r.width }, active: false };
      pending.current = p;
      pointer.current = { x: e.clientX, y: e.clientY };
      const end = () => {
        window.removeEventListener("pointermove", move);
        window.removeEventListener("pointerup", up);
        window.removeEventListener("pointercancel", cancel);
        if (pending.current === p) pending.current = null;
      };
      const move = (ev: globalThis.PointerEvent) => {
        if (ev.pointerId !== p.pointerId || pending.current !== p || readOnly) return;
        pointer.current = { x: ev.clientX, y: ev.clientY };
        if (!p.active && !pastDragThreshold(ev.clientX - p.x0, ev.clientY - p.y0)) return;
        // No text selection or native drag while a card is carried.
        ev.preventDefault();
        p.active = true;
        track();
      };
      const up = (ev: globalThis.PointerEvent) => {
        if (ev.pointerId !== p.pointerId) return;
        const cancelled = pending.current !== p; // Escape dropped it already
        end();
        if (cancelled) return;
        if (!p.active) {
          latest.current.onClick(p.id);
          return;
        }
        const target = hitTest(ev.clientX, ev.clientY, p.id);
        setDrag(null);
        if (target) latest.current.onDrop(p.id, target);
      };
      const cancel = (ev: globalThis.PointerEvent) => {
        if (ev.pointerId !== p.pointerId) return;
        end();
        setDrag(null);
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", cancel);
    },
    [readOnly, track, hitTest],
  );

  return { drag, onPointerDown };
}

/**
 * Scrolls `el` a step when `at` (a clientX or clientY) is near its edge, as the timeline does;
 * true if it moved. A pointer far outside a column's list (over another column) leaves it be.
 */
function scrollNearEdge(el: HTMLElement | null, at: number, axis: "x" | "y"): boolean {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const [start, end] = axis === "x" ? [r.left, r.right] : [r.top, r.bottom];
  if (at < start - EDGE_ZONE || at > end + EDGE_ZONE) return false;
  const step = edgeSpeed(at, start, end);
  if (step === 0) return false;
  const before = axis === "x" ? el.scrollLeft : el.scrollTop;
  if (axis === "x") el.scrollLeft += step;
  else el.scrollTop += step;
  return (axis === "x" ? el.scrollLeft : el.scrollTop) !== before;
}
