import { memo } from "react";
import { COLLAPSED_LANE_HEIGHT, type TimelineGeometry } from "./geometry";

const STRIP_HEIGHT = 8;

/**
 * The thin row a collapsed lane folds into: when the lane has work, as the union of its items'
 * dates in the lane's colour (a few strips, not hundreds of bars), so the shape of the plan
 * stays readable while the lane takes no room.
 */
export const LaneSummaries = memo(function LaneSummaries({ geometry }: { geometry: TimelineGeometry }) {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-0">
      {geometry.bands.map((band) => {
        const spans = band.collapsed ? geometry.summaries.get(band.id) : undefined;
        if (!spans) return null;
        const top = band.top + (COLLAPSED_LANE_HEIGHT - STRIP_HEIGHT) / 2;
        return spans.map((s) => (
          <div
            key={`${band.id}:${s.left}`}
            data-testid="lane-summary"
            data-lane-id={band.id}
            className="absolute rounded-full"
            style={{
              left: s.left,
              top,
              width: Math.max(s.width, 3),
              height: STRIP_HEIGHT,
              background: `color-mix(in srgb, ${band.color} 55%, var(--bar-base))`,
              boxShadow: `inset 0 0 0 1px color-mix(in srgb, ${band.color} 70%, transparent)`,
            }}
          />
        ));
      })}
    </div>
  );
});
