import type { ReactNode } from "react";
import { Logo } from "../ui/Logo";
import { UserMenu, type AccountInfo } from "./UserMenu";

/** Full class names (Tailwind finds only those written out): a column for lists, a wider one for boards and records. */
const WIDTHS = { narrow: "max-w-3xl", wide: "max-w-4xl" } as const;

interface AccountPageFrameProps {
  account: AccountInfo;
  width: keyof typeof WIDTHS;
  /** The main column's gaps and padding, where a page needs more air than `gap-6 py-8`. */
  spacing?: string;
  children: ReactNode;
}

/** A signed-in person's page outside a board (home, inbox, settings, a workshop record): the logo, their menu, one column. */
export function AccountPageFrame({ account, width, spacing = "gap-6 py-8", children }: AccountPageFrameProps) {
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className={`mx-auto flex h-14 ${WIDTHS[width]} items-center justify-between px-6`}>
          <Logo />
          <UserMenu account={account} />
        </div>
      </header>
      <main className={`mx-auto flex ${WIDTHS[width]} flex-col ${spacing} px-6`}>{children}</main>
    </div>
  );
}
