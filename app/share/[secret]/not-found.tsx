import Link from "next/link";

export default function ShareLinkNotFound() {
  return (
    <main className="mx-auto flex min-h-full max-w-md flex-col items-center justify-center gap-3 p-10 text-center">
      <h1 className="text-xl font-semibold">This share link does not work</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        It may be mistyped, or its owner revoked it or deleted the board. Ask them for a new link.
      </p>
      <Link href="/signin" className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Sign in to Waymark
      </Link>
    </main>
  );
}
