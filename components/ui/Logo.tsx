import Link from "next/link";

/** The wordmark: a milestone diamond, the thing a roadmap steers by; the word from the sm width up. */
export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900 dark:text-slate-100">
      <span aria-hidden className="inline-block size-3 rotate-45 rounded-[3px] bg-indigo-500" />
      {/* On a phone the diamond alone: the board's title needs the room. */}
      <span className="sr-only sm:not-sr-only">Waymark</span>
    </Link>
  );
}
