import { fromDayNumber } from "../../../../lib/model/dates";
import { BAR_HEIGHT, dayToX, type TimelineGeometry } from "../geometry";
import { LINK_REFUSALS } from "./linkRules";
import type { CreateGhost } from "./useCreateDrag";
import type { LinkDraft } from "./useLinkDrag";
import { formatDateSpan } from "../../labels";
import { countOf } from "../../../../lib/format/plural";

interface GestureOverlayProps {
  geometry: TimelineGeometry;
  ghost: CreateGhost | null;
  link: LinkDraft | null;
}

/**
 * What a gesture in progress draws above the bars: the ghost of the item a drag on empty space
 * will create, or the rubber band of a dependency being drawn, with what dropping it would do.
 */
export function GestureOverlay({ geometry, ghost, link }: GestureOverlayProps) {
  return (
    <>
      {ghost && <Ghost geometry={geometry} ghost={ghost} />}
      {link && <RubberBand link={link} />}
    </>
  );
}

function Ghost({ geometry, ghost }: { geometry: TimelineGeometry; ghost: CreateGhost }) {
  const left = dayToX(geometry, ghost.startDay);
  const width = (ghost.finishDay - ghost.startDay + 1) * geometry.pxPerDay;
  const dates = formatDateSpan(fromDayNumber(ghost.startDay), fromDayNumber(ghost.finishDay));
  return (
    <div
      data-testid="create-ghost"
      data-start={fromDayNumber(ghost.startDay)}
      data-duration={ghost.duration}
      className="pointer-events-none absolute z-30 rounded-md border-2 border-dashed border-indigo-500 bg-indigo-500/15 dark:border-indigo-400 dark:bg-indigo-400/20"
      style={{ left, top: ghost.top, width: Math.max(width, 6), height: BAR_HEIGHT }}
    >
      <span className="absolute left-0 top-full mt-1.5 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-[11px] text-white shadow dark:bg-slate-100 dark:text-slate-900">
        New item · {dates} · {countOf(ghost.duration, "working day")}
      </span>
    </div>
  );
}

function RubberBand({ link }: { link: LinkDraft }) {
  const { x1, y1, x2, y2, verdict } = link;
  const refused = verdict !== null && verdict !== "ok";
  const tone = refused ? "text-rose-500" : "text-indigo-500 dark:text-indigo-400";
  const left = Math.min(x1, x2) - 8;
  const top = Math.min(y1, y2) - 8;
  return (
    <>
      <svg
        aria-hidden
        data-testid="link-rubber-band"
        className={`pointer-events-none absolute z-30 overflow-visible ${tone}`}
        style={{ left, top }}
        width={Math.abs(x2 - x1) + 16}
        height={Math.abs(y2 - y1) + 16}
      >
        <line x1={x1 - left} y1={y1 - top} x2={x2 - left} y2={y2 - top} stroke="currentColor" strokeWidth={2} strokeDasharray="5 4" />
        <circle cx={x1 - left} cy={y1 - top} r={4} fill="currentColor" />
        <circle cx={x2 - left} cy={y2 - top} r={3.5} fill="none" stroke="currentColor" strokeWidth={2} />
      </svg>
      {refused && (
        <span
          role="status"
          className="pointer-events-none absolute z-30 whitespace-nowrap rounded bg-rose-600 px-1.5 py-0.5 text-[11px] font-medium text-white shadow"
          style={{ left: x2 + 12, top: y2 + 10 }}
        >
          {LINK_REFUSALS[verdict]}
        </span>
      )}
    </>
  );
}
