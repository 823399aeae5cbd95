import Link from "next/link";
import { formatDayOf } from "../../lib/format/dates";
import type { BoardSummary } from "../../lib/protocol/appServices";
import type { Role } from "../../lib/protocol/roles";

/** Rendered on the server, which does not know the reader's zone: the day as read in UTC. */
const updatedOn = (updatedAt: string) => formatDayOf(updatedAt, { now: new Date(), timeZone: "UTC" });

export function BoardList({ boards }: { boards: (BoardSummary & { role: Role })[] }) {
  if (boards.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
        No roadmaps yet. Create the first one above.
      </p>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Roadmaps">
      {boards.map((board) => (
        <li key={board.id}>
          <Link
            href={`/boards/${board.id}`}
            data-testid="board-link"
            className="group flex h-full flex-col gap-1 rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
          >
            <span className="flex items-start justify-between gap-3">
              <span className="font-medium text-slate-900 group-hover:text-indigo-700 dark:text-slate-100 dark:group-hover:text-indigo-300">
                {board.title || "Untitled roadmap"}
              </span>
              <span
                data-testid="board-role"
                className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-[11px] font-medium capitalize text-slate-600 dark:bg-slate-800 dark:text-slate-300"
              >
                {board.role}
              </span>
            </span>
            <span className="text-xs text-slate-500 dark:text-slate-400">
              Updated {updatedOn(board.updatedAt)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
