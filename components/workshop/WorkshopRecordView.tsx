"use client";

// Before anything that builds a zod schema (see BoardScreen): our CSP forbids eval.
import "../collab/zodWithoutEval";
import { useEffect, useMemo, useState } from "react";
import { formatDateTime } from "../../lib/format/dates";
import { countOf } from "../../lib/format/plural";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { WorkshopRecord } from "../../lib/protocol/workshops";
import { CompareList } from "../roadmap/history/CompareList";
import { changeCount, groupByLane, namesFor } from "../roadmap/history/compareLines";
import { versionsClient } from "../roadmap/versions/versionsClient";
import { STEP_KIND_LABELS } from "./AgendaEditor";
import { durationWords, itemLink, stepMinutes, threadLink } from "./recordWords";
import { recordMarkdownPath, workshopClient } from "./workshopClient";
import { FormError } from "../ui/FormError";

const card = "rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const heading = "mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

/**
 * The record of an ended workshop: who took part and for how long, the agenda as run, each vote
 * ranked, what changed on the board during it (the compare list of its start version against its
 * end), the drafts and the decisions (threads resolved during it), and the Markdown export.
 */
export function WorkshopRecordView({ boardId, workshopId, boardTitle }: { boardId: string; workshopId: string; boardTitle: string }) {
  const [record, setRecord] = useState<WorkshopRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The board as the workshop left it: names of lanes, phases and milestones for the changes.
  const [board, setBoard] = useState<BoardSnapshot | null>(null);

  useEffect(() => {
    let stale = false;
    void workshopClient.record(boardId, workshopId).then(async (result) => {
      if (stale) return;
      if (!result.ok) return setError(result.error);
      setRecord(result.value.record);
      const at = result.value.record.endedAt;
      if (at && result.value.record.changes) {
        const past = await versionsClient.boardAt(boardId, at);
        if (!stale && past.ok) setBoard(past.value.snapshot);
      }
    });
    return () => {
      stale = true;
    };
  }, [boardId, workshopId]);

  const changes = record?.changes ?? null;
  const names = useMemo(() => (changes && board ? namesFor(board, changes) : null), [changes, board]);
  const groups = useMemo(() => (changes && board && names ? groupByLane(changes.items, board, names) : []), [changes, board, names]);

  if (error) return <FormError message={error} />;
  if (!record) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading the record…</p>;
  const totalMinutes = record.endedAt ? (Date.parse(record.endedAt) - Date.parse(record.startedAt)) / 60_000 : 0;

  return (
    <article data-testid="workshop-record" className="flex flex-col gap-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <a href={`/boards/${encodeURIComponent(boardId)}`} className="hover:underline">
              {record.boardTitle || boardTitle}
            </a>{" "}
            · workshop record
          </p>
          <h1 className="text-2xl font-semibold">{record.title}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {formatDateTime(record.startedAt)} · {durationWords(totalMinutes)} · facilitated by {record.facilitator.name}
          </p>
        </div>
        <a
          href={recordMarkdownPath(boardId, workshopId)}
          download
          className="rounded-lg border border-slate-200 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Download Markdown
        </a>
      </header>

      <section aria-label="People" className={card}>
        <h2 className={heading}>People ({record.people.length})</h2>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {record.people.map((p) => (
            <li key={p.id} data-testid="record-person">
              {p.name}
              {p.id === record.facilitator.id ? " (facilitator)" : ""} <span className="text-slate-500 dark:text-slate-400">· {durationWords(p.minutes)}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Agenda as run" className={card}>
        <h2 className={heading}>Agenda as run</h2>
        <ol className="flex flex-col gap-1 text-sm">
          {record.agenda.map((step, i) => {
            const ran = stepMinutes(step);
            return (
              <li key={i} className="flex flex-wrap gap-x-2">
                <span className="tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                <span className="font-medium">{step.title}</span>
                <span className="text-slate-500 dark:text-slate-400">
                  {STEP_KIND_LABELS[step.kind]} · planned {step.minutes} min · {ran === null ? "not run" : `ran ${durationWords(ran)}`}
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-label="Votes" className={card}>
        <h2 className={heading}>Votes</h2>
        {record.votes.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No votes in this workshop.</p>
        ) : (
          record.votes.map((vote) => (
            <div key={vote.id} className="mb-3 last:mb-0" data-testid="record-vote">
              <h3 className="font-medium">
                {vote.title} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {countOf(vote.voters, "voter")} · {vote.state === "revealed" ? "revealed" : "never revealed"}</span>
              </h3>
              {vote.state === "revealed" ? (
                <ol className="mt-1 flex flex-col text-sm" aria-label={`Result of ${vote.title}`}>
                  {vote.ranked.map((r, i) => (
                    <li key={r.itemId} className="flex items-center gap-2" data-votes={r.votes}>
                      <span className="w-6 text-right tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
                      <a href={itemLink(boardId, r.itemId)} className="min-w-0 flex-1 truncate leading-7 hover:underline">
                        {r.title || "Untitled item"}
                      </a>
                      <span className="font-semibold tabular-nums">{countOf(r.votes, "vote")}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">The counts were hidden and never revealed.</p>
              )}
            </div>
          ))
        )}
      </section>

      <section aria-label="Changes during the workshop" className={card}>
        <h2 className={heading}>Changes{changes ? ` (${changeCount(changes)})` : ""}</h2>
        {!changes ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No comparison: the board had no version at the start.</p>
        ) : names ? (
          <CompareList comparison={changes} groups={groups} names={names} onSelectItem={(itemId) => window.location.assign(itemLink(boardId, itemId))} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Loading the changes…</p>
        )}
      </section>

      <section aria-label="Drafts" className={card}>
        <h2 className={heading}>Drafts ({record.drafts.length})</h2>
        {record.drafts.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No drafts were revealed.</p>
        ) : (
          <ul className="flex flex-col gap-0.5 text-sm">
            {record.drafts.map((d, i) => (
              <li key={d.itemId ?? i}>
                {d.itemId ? (
                  <a href={itemLink(boardId, d.itemId)} className="inline-block leading-7 hover:underline">
                    {d.title}
                  </a>
                ) : (
                  d.title
                )}{" "}
                <span className="text-slate-500 dark:text-slate-400">· {d.author.name}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Decisions" className={card}>
        <h2 className={heading}>Decisions ({record.decisions.length})</h2>
        {record.decisions.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No threads were resolved during the workshop.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {record.decisions.map((d) => (
              <li key={d.threadId}>
                <a href={threadLink(boardId, d.threadId)} className="inline-block font-medium leading-7 text-indigo-700 hover:underline dark:text-indigo-300">
                  {d.itemTitle ?? "On the board"}
                </a>
                : {d.text} <span className="text-slate-500 dark:text-slate-400">· resolved by {d.resolvedBy.name}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
