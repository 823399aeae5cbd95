import Link from "next/link";

interface ShareLinkEndedProps {
  /** What happened, as the page's heading. */
  heading: string;
  /** Why, and what to do about it. */
  detail: string;
}

/**
 * What a guest sees instead of a board their share link no longer opens: the link was
 * mistyped, revoked or its board deleted, before the page loaded or while it was open. Final:
 * nothing on the page retries, so it says what to do instead (ask for a new link, or sign in).
 */
export function ShareLinkEnded({ heading, detail }: ShareLinkEndedProps) {
  return (
    <main
      data-testid="link-ended"
      className="mx-auto flex min-h-full max-w-md flex-1 flex-col items-center justify-center gap-3 p-10 text-center"
    >
      <h1 className="text-xl font-semibold">{heading}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{detail}</p>
      <Link href="/signin" className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        Sign in to Waymark
      </Link>
    </main>
  );
}

/** The words for a board page whose connection a guest lost for good (close code). */
export function linkEndedDetail(code: number): string {
  const what = code === 4404 ? "The board it opened was deleted" : "Its owner revoked it";
  return `${what} while you had it open, so this page no longer shows the board. Ask the person who shared it for a new link.`;
}
