/** The ways to look at one roadmap; the timeline is the default and has no `?view=` of its own. */
export const ROADMAP_VIEWS = ["timeline", "phases", "table"] as const;
export type RoadmapViewKind = (typeof ROADMAP_VIEWS)[number];

export const VIEW_LABELS: Record<RoadmapViewKind, string> = { timeline: "Timeline", phases: "Phases", table: "Table" };

/** The view a `?view=` value names; anything else (absent, misspelt, from an old link) is the timeline. */
export function parseView(raw: string | null): RoadmapViewKind {
  return (ROADMAP_VIEWS as readonly string[]).includes(raw ?? "") ? (raw as RoadmapViewKind) : "timeline";
}

/** The search string for `view`, keeping every other parameter (an inbox link's `thread`, say). */
export function searchWithView(search: string, view: RoadmapViewKind): string {
  const params = new URLSearchParams(search);
  if (view === "timeline") params.delete("view");
  else params.set("view", view);
  const out = params.toString();
  return out ? `?${out}` : "";
}
