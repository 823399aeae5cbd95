"use client";

import { signIn } from "next-auth/react";

export interface OAuthProviderInfo {
  id: string;
  name: string;
}

/** "Continue with GitHub/Google", offered only for the providers the server has configured. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProviderInfo[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-5 flex flex-col gap-3">
      <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
      </div>
      {providers.map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => void signIn(p.id, { callbackUrl })}
          className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          Continue with {p.name}
        </button>
      ))}
    </div>
  );
}
