import type { Milestone } from "../../../lib/model/schemas";

/**
 * The options of a milestone choice (an item's deadline, a phase's release): "none", then the
 * milestones by date. A chosen milestone someone deleted stays listed as such rather than the
 * select silently showing "none".
 */
export function MilestoneOptions(props: {
  milestones: readonly Milestone[];
  chosen: string | null;
  /** The label of "no milestone". */
  none: string;
  /** An option's text; the title by default. */
  describe?: (milestone: Milestone) => string;
}) {
  const { milestones, chosen, none, describe = (m) => m.title || "Untitled" } = props;
  const byDate = [...milestones].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return (
    <>
      <option value="">{none}</option>
      {chosen && !milestones.some((m) => m.id === chosen) && <option value={chosen}>A deleted milestone</option>}
      {byDate.map((m) => (
        <option key={m.id} value={m.id}>
          {describe(m)}
        </option>
      ))}
    </>
  );
}
