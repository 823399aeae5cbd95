import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-full max-w-md flex-col items-center justify-center gap-3 p-10 text-center">
      <h1 className="text-xl font-semibold">This roadmap does not exist</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The link may be mistyped, or the board was deleted.
      </p>
      <Link href="/" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Back to all roadmaps
      </Link>
    </main>
  );
}
