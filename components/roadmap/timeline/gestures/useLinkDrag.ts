"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent, type RefObject } from "react";
import type { Dependency } from "../../../../lib/model/schemas";
import { BAR_HEIGHT, type TimelineGeometry } from "../geometry";
import { barAt, linkVerdict, successorsOf, type LinkVerdict } from "./linkRules";
import type { AutoScroll } from "./useItemDrag";

/** A link being drawn: from the source bar's handle to the pointer, and the bar under it. */
export interface LinkDraft {
  fromId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  targetId: string | null;
  verdict: LinkVerdict | null;
}

interface LinkDragOptions {
  canvas: RefObject<HTMLDivElement | null>;
  geometry: TimelineGeometry;
  dependencies: readonly Dependency[];
  /** Writes the dependency (one command); called only for a drop the rules allow. */
  onLink: (fromId: string, toId: string) => void;
  /** Scrolls the timeline while the pointer is held at an edge, to reach bars out of view. */
  autoScroll?: AutoScroll;
}

/**
 * Drawing a dependency: press the handle on a bar's right end, drag to another bar, release.
 * A rubber band follows the pointer and the bar under it says whether the link can be made
 * (the same rules as the addDependency command: no self-links, duplicates or loops). The
 * document is written once, on a drop on a bar that allows it.
 */
export function useLinkDrag(options: LinkDragOptions) {
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const [draft, setDraft] = useState<LinkDraft | null>(null);
  const active = useRef<{ pointerId: number; detach: () => void } | null>(null);

  const stop = useCallback(() => {
    latest.current.autoScroll?.stop();
    active.current?.detach();
    active.current = null;
    setDraft(null);
  }, []);

  const onHandlePointerDown = useCallback(
    (event: PointerEvent<HTMLElement>, fromId: string) => {
      if (event.button !== 0 || active.current) return;
      // The bar under the handle would start moving otherwise.
      event.preventDefault();
      event.stopPropagation();
      const { geometry, dependencies } = latest.current;
      const from = geometry.bars.get(fromId);
      if (!from) return;
      const successors = successorsOf(dependencies);
      const x1 = from.left + from.width;
      const y1 = from.top + BAR_HEIGHT / 2;
      setDraft({ fromId, x1, y1, x2: x1, y2: y1, targetId: null, verdict: null });

      // Canvas coordinates of a pointer: the canvas moves while the timeline auto-scrolls.
      const at = (e: { clientX: number; clientY: number }) => {
        const rect = latest.current.canvas.current?.getBoundingClientRect();
        return rect ? { x: e.clientX - rect.left, y: e.clientY - rect.top } : null;
      };
      const draw = (pointer: { clientX: number; clientY: number }) => {
        const p = at(pointer);
        if (!p) return;
        const targetId = barAt(latest.current.geometry.bars, p.x, p.y);
        const verdict = targetId === null ? null : linkVerdict(successors, fromId, targetId);
        setDraft({ fromId, x1, y1, x2: p.x, y2: p.y, targetId, verdict });
      };
      const move = (e: globalThis.PointerEvent) => {
        if (e.pointerId !== active.current?.pointerId) return;
        const pointer = { clientX: e.clientX, clientY: e.clientY };
        draw(pointer);
        latest.current.autoScroll?.follow(pointer.clientX, pointer.clientY, () => draw(pointer));
      };
      const up = (e: globalThis.PointerEvent) => {
        if (e.pointerId !== active.current?.pointerId) return;
        const p = at(e);
        stop();
        if (!p || e.type === "pointercancel") return;
        const targetId = barAt(latest.current.geometry.bars, p.x, p.y);
        if (targetId !== null && linkVerdict(successors, fromId, targetId) === "ok") latest.current.onLink(fromId, targetId);
      };
      const key = (e: KeyboardEvent) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        stop();
      };
      window.addEventListener("pointermove", move);
      window.addEventListener("pointerup", up);
      window.addEventListener("pointercancel", up);
      window.addEventListener("keydown", key, true);
      active.current = {
        pointerId: event.pointerId,
        detach: () => {
          window.removeEventListener("pointermove", move);
          window.removeEventListener("pointerup", up);
          window.removeEventListener("pointercancel", up);
          window.removeEventListener("keydown", key, true);
        },
      };
    },
    [stop],
  );

  useEffect(() => () => active.current?.detach(), []);

  return { draft, onHandlePointerDown };
}
