import type { ReactNode } from "react";
import { Logo } from "../ui/Logo";

/** The frame of the sign-in and sign-up pages: the wordmark, a card, and a line under it. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle: string; children: ReactNode; footer: ReactNode }) {
  return (
    <main className="flex min-h-full flex-col items-center justify-center gap-6 px-4 py-12">
      <Logo />
      <section
        aria-labelledby="auth-title"
        className="w-full max-w-sm rounded-2xl border border-slate-200 bg-white p-7 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h1 id="auth-title" className="text-xl font-semibold tracking-tight">
          {title}
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </section>
      <p className="text-sm text-slate-600 dark:text-slate-400">{footer}</p>
    </main>
  );
}

export const authInputClass =
  "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none placeholder:text-slate-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-slate-700 dark:bg-slate-950";

export const authLabelClass = "flex flex-col gap-1.5 text-sm font-medium text-slate-700 dark:text-slate-300";

export const primaryButtonClass =
  "w-full rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60";
