import { memo } from "react";

/** The laser's red: the same for everyone, so it reads as "the facilitator points here", not as a person's colour. */
export const LASER_COLOR = "#ef4444";

/**
 * One laser trail in canvas pixels, oldest point first: segments grow fainter and thinner
 * towards the tail, so the trail fades behind the moving dot. One small SVG, redrawn only
 * when the trail changes (at most at the presence rate), never the board under it.
 */
export const LaserPath = memo(function LaserPath({ points, name }: { points: readonly { x: number; y: number }[]; name: string }) {
  const head = points.at(-1);
  if (!head) return null;
  const last = points.length - 1;
  return (
    <svg data-testid="laser-trail" data-name={name} data-points={points.length} aria-hidden className="absolute left-0 top-0 overflow-visible" width="1" height="1">
      {points.slice(1).map((p, i) => {
        const from = points[i]!;
        const age = last === 0 ? 1 : (i + 1) / last;
        return <line key={i} x1={from.x} y1={from.y} x2={p.x} y2={p.y} stroke={LASER_COLOR} strokeOpacity={age * 0.9} strokeWidth={1 + age * 3} strokeLinecap="round" />;
      })}
      <circle cx={head.x} cy={head.y} r="9" fill={LASER_COLOR} fillOpacity="0.2" />
      <circle cx={head.x} cy={head.y} r="4" fill={LASER_COLOR} stroke="white" strokeWidth="1.5" />
    </svg>
  );
});
