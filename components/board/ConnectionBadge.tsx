import type { ConnectionState } from "../collab/boardSession";

/** Close codes a person can act on; everything else is "reconnecting". */
function closedMessage(code: number): string {
  switch (code) {
    case 4404:
      return "This board no longer exists";
    case 4401:
      return "Sign in again to keep editing";
    case 4403:
      return "You no longer have access";
    default:
      return "Disconnected";
  }
}

/** Whether edits are reaching the others right now, in words and a coloured dot. */
export function ConnectionBadge({ connection }: { connection: ConnectionState }) {
  const { status, loaded, closed } = connection;
  let text: string;
  let dot: string;
  if (closed) {
    text = closedMessage(closed.code);
    dot = "bg-rose-500";
  } else if (status === "connected" && loaded) {
    text = "Live";
    dot = "bg-emerald-500";
  } else if (status === "disconnected" && loaded) {
    text = "Offline: edits sync on reconnect";
    dot = "bg-amber-500";
  } else {
    text = loaded ? "Reconnecting…" : "Connecting…";
    dot = "bg-amber-400 animate-pulse";
  }
  return (
    <div
      role="status"
      data-testid="connection-status"
      data-status={closed ? "closed" : status}
      title={text}
      className="flex items-center gap-1.5 whitespace-nowrap rounded-full border border-slate-200 px-2 py-1.5 text-xs text-slate-600 sm:px-2.5 sm:py-1 dark:border-slate-700 dark:text-slate-300"
    >
      <span aria-hidden className={`size-2 rounded-full ${dot}`} />
      {/* On a phone a live or reconnecting board shows the dot (its colour and tooltip say which, screen readers hear the words); a closed one says why. */}
      <span className={closed ? "" : "sr-only sm:not-sr-only"}>{text}</span>
    </div>
  );
}
