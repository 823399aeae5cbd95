import { memo } from "react";
import type { PresenceDragging } from "../../lib/protocol/presence";
import { BAR_HEIGHT, LANE_PADDING, ROW_HEIGHT, type BarBox, type LaneBand } from "../roadmap/timeline/geometry";
import { inkOn } from "../ui/inkOn";

interface PeerDragOutlineProps {
  box: BarBox;
  /** The lane the bar is being dragged into (null when unknown here or resizing). */
  target: LaneBand | null;
  pxPerDay: number;
  dragging: PresenceDragging;
  name: string;
  color: string;
}

/** Where a bar lands in another lane: its first row (the real row is decided when it is dropped). */
const firstRowTop = (band: LaneBand) => band.top + LANE_PADDING + (ROW_HEIGHT - BAR_HEIGHT) / 2;

/**
 * A bar someone else is dragging: the bar outlined in their colour with their name, and a dashed
 * ghost where it would land if they let go now, so nobody edits it from under them.
 */
export const PeerDragOutline = memo(function PeerDragOutline({ box, target, pxPerDay, dragging, name, color }: PeerDragOutlineProps) {
  const shift = dragging.days * pxPerDay;
  const resizing = dragging.mode === "resize";
  const ghost = resizing
    ? { left: box.left, top: box.top, width: Math.max(pxPerDay, box.width + shift) }
    : { left: box.left + shift, top: target && target.id !== box.bandId ? firstRowTop(target) : box.top, width: box.width };
  const moved = ghost.left !== box.left || ghost.top !== box.top || ghost.width !== box.width;
  // The outline frames the bar 3 px out; the label and the ghost are placed relative to it.
  const frame = { left: box.left - 3, top: box.top - 3 };
  return (
    <div
      data-testid="peer-drag"
      data-item-id={box.itemId}
      data-name={name}
      className="absolute rounded-lg"
      style={{ ...frame, width: Math.max(box.width, 6) + 6, height: BAR_HEIGHT + 6, boxShadow: `0 0 0 2px ${color}` }}
    >
      {/* Below the bar: above it sits the selection tag (the person dragging usually has it selected). */}
      <span className="absolute left-0.5 top-full mt-0.5 whitespace-nowrap rounded px-1 text-[10px] font-semibold leading-3.5 shadow-sm" style={{ background: color, color: inkOn(color) }}>
        {name} · {resizing ? "resizing" : "moving"}
      </span>
      {moved && (
        <div
          className="absolute rounded-md border-2 border-dashed transition-[left,top,width] duration-100 ease-linear"
          style={{
            left: ghost.left - frame.left,
            top: ghost.top - frame.top,
            width: ghost.width,
            height: BAR_HEIGHT,
            borderColor: color,
            background: `color-mix(in srgb, ${color} 14%, transparent)`,
          }}
        />
      )}
    </div>
  );
});
