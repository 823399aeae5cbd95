import Link from "next/link";
import type { ConnectionState } from "../collab/boardSession";

/**
 * Before the first sync the local document is empty, and an empty board would be a lie (and
 * invite edits against nothing). Show a quiet placeholder instead, or why it cannot load.
 */
export function BoardLoading({ connection }: { connection: ConnectionState }) {
  if (connection.closed) {
    return (
      <div role="alert" className="flex flex-1 flex-col items-center justify-center gap-2 p-10 text-center">
        <p className="font-medium">This board cannot be opened.</p>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          The server closed the connection ({connection.closed.reason || `code ${connection.closed.code}`}).
        </p>
        <Link href="/" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Back to all roadmaps
        </Link>
      </div>
    );
  }
  return (
    <div data-testid="board-loading" aria-busy className="flex flex-1 flex-col gap-3 p-6">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {connection.status === "disconnected" ? "Waiting for the server…" : "Loading roadmap…"}
      </p>
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} className="flex items-center gap-4">
          <div className="h-10 w-48 animate-pulse rounded-md bg-slate-200/70 dark:bg-slate-800/70" />
          <div
            className="h-7 animate-pulse rounded-md bg-slate-200/70 dark:bg-slate-800/70"
            style={{ width: `${20 + ((i * 37) % 40)}%`, marginLeft: `${(i * 53) % 30}%` }}
          />
        </div>
      ))}
    </div>
  );
}
