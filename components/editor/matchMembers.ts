import type { MentionCandidate } from "./MentionMenu";

const MAX_SHOWN = 8;

/** Members whose name or email contains what was typed after "@", best matches first. */
export function matchMembers(members: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const q = query.trim().toLowerCase();
  const scored = members
    .map((m) => {
      const name = m.name.toLowerCase();
      const score = !q ? 1 : name.startsWith(q) ? 3 : name.includes(` ${q}`) ? 2 : name.includes(q) || m.email.toLowerCase().includes(q) ? 1 : 0;
      return { m, score };
    })
    .filter((s) => s.score > 0);
  scored.sort((a, b) => b.score - a.score || a.m.name.localeCompare(b.m.name));
  return scored.slice(0, MAX_SHOWN).map((s) => s.m);
}
