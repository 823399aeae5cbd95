import type { WorkshopRecord } from "../../lib/protocol/workshops";
import { itemLink, threadLink } from "./workshopRecord";

/** Text that cannot break out of Markdown: link brackets, emphasis, tables, headings, HTML. */
const md = (text: string) => text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, " ").trim();
const when = (iso: string | null) => (iso ? iso.replace("T", " ").slice(0, 16) + " UTC" : "—");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The workshop record as Markdown (GET workshops/<id>/record.md): the same content as the
 * record page, items linked to where the app opens them. Every name and title people typed is
 * escaped, so a title cannot smuggle a link or HTML into the export.
 */
export function recordMarkdown(record: WorkshopRecord): string {
  const item = (id: string | null, title: string) => (id ? `[${md(title)}](${itemLink(record.boardId, id)})` : md(title));
  const out: string[] = [];
  out.push(`# ${md(record.title)}`, "");
  out.push(`Board: ${md(record.boardTitle)}  `);
  out.push(`Facilitator: ${md(record.facilitator.name)}  `);
  out.push(`From ${when(record.startedAt)} to ${when(record.endedAt)}`, "");

  out.push("## People", "");
  if (!record.people.length) out.push("Nobody was recorded in the room.");
  for (const p of record.people) out.push(`- ${md(p.name)}: ${plural(p.minutes, "minute")} (joined ${when(p.joinedAt)})`);
  out.push("");

  out.push("## Agenda as run", "", "| Step | Kind | Planned | Started | Ended |", "| --- | --- | --- | --- | --- |");
  for (const s of record.agenda) out.push(`| ${md(s.title)} | ${s.kind} | ${plural(s.minutes, "minute")} | ${when(s.startedAt)} | ${when(s.endedAt)} |`);
  out.push("");

  out.push("## Votes", "");
  if (!record.votes.length) out.push("No votes.", "");
  for (const v of record.votes) {
    out.push(`### ${md(v.title)}`, "");
    out.push(`${plural(v.votesPerPerson, "vote")} per person, ${v.stacking ? "stacking allowed" : "one per item"}, ${plural(v.voters, "voter")}.`, "");
    if (v.counts === null) out.push("Not revealed.", "");
    else if (!v.ranked.length) out.push("No votes were cast.", "");
    else {
      v.ranked.forEach((r, i) => out.push(`${i + 1}. ${item(r.itemId, r.title)}: ${plural(r.votes, "vote")}`));
      out.push("");
    }
  }

  out.push("## Changes during the workshop", "");
  const items = record.changes?.items ?? [];
  if (!record.changes) out.push("The start or end version is no longer available.");
  else if (!items.length) out.push("No items were added, removed or changed.");
  for (const c of items) {
    const fields = Object.keys(c.fields);
    out.push(`- ${c.change}: ${c.change === "removed" ? md(c.title) : item(c.itemId, c.title)}${fields.length ? ` (${fields.join(", ")})` : ""}`);
  }
  out.push("");

  out.push("## Drafts turned into items", "");
  if (!record.drafts.length) out.push("No drafts were revealed.");
  for (const d of record.drafts) out.push(`- ${item(d.itemId, d.title)} by ${md(d.author.name)}`);
  out.push("");

  out.push("## Decisions", "");
  if (!record.decisions.length) out.push("No threads were resolved during the workshop.");
  for (const d of record.decisions) {
    const on = d.itemId ? ` on ${item(d.itemId, d.itemTitle ?? "item")}` : "";
    out.push(`- [Thread](${threadLink(record.boardId, d.threadId)})${on}: ${md(d.text) || "(no text)"} (resolved by ${md(d.resolvedBy.name)}, ${when(d.resolvedAt)})`);
  }
  out.push("");
  return out.join("\n");
}
