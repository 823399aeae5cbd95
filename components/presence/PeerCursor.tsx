import { memo } from "react";
import { inkOn } from "../ui/inkOn";

/**
 * Someone else's mouse: an arrow in their colour with their name, placed by transform. No CSS
 * transition and no own layer: with 40 people moving, restarting 400 transitions a second cost
 * the page about half of each second in style work (npm run bench:presence: main thread
 * 547 ms/s with them, ~200 ms/s without), while ~15 steps a second already read as motion.
 */
export const PeerCursor = memo(function PeerCursor({ x, y, name, color }: { x: number; y: number; name: string; color: string }) {
  return (
    <div
      data-testid="peer-cursor"
      data-name={name}
      className="absolute left-0 top-0"
      style={{ transform: `translate(${x}px, ${y}px)` }}
    >
      <svg aria-hidden width="16" height="20" viewBox="0 0 16 20" className="drop-shadow-[0_1px_1px_rgb(15_23_42/0.35)]">
        <path d="M1.5 1.5v14.2l3.9-3.6 2.6 6 2.5-1.1-2.6-5.9h5.4z" fill={color} stroke="white" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span
        className="absolute left-3.5 top-[18px] whitespace-nowrap rounded-full px-1.5 py-0.5 text-[11px] font-semibold leading-none shadow-sm ring-1 ring-white/70 dark:ring-slate-950/60"
        style={{ background: color, color: inkOn(color) }}
      >
        {name}
      </span>
    </div>
  );
});
