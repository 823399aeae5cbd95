import { redirect } from "next/navigation";
import { connection } from "next/server";
import { BoardList } from "../components/home/BoardList";
import { CreateBoardForm } from "../components/home/CreateBoardForm";
import { ImportBoardButton } from "../components/home/ImportBoardButton";
import { Logo } from "../components/ui/Logo";
import type { UserId } from "../lib/model/ids";
import { appServices, type BoardSummary } from "../lib/protocol/appServices";
import type { Role } from "../lib/protocol/roles";
import { UserMenu } from "../components/auth/UserMenu";
import { accountInfo } from "./_auth/account";
import { currentUser } from "./_auth/session";

async function loadBoards(userId: UserId): Promise<{ boards: (BoardSummary & { role: Role })[] } | { error: string }> {
  try {
    const boards = await appServices().listBoards(userId);
    return { boards: [...boards].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : "The board list is unavailable." };
  }
}

export default async function HomePage() {
  // The board services exist only in the running server, never at build time.
  await connection();
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=%2F");
  const result = await loadBoards(user.id);
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className="mx-auto flex h-14 max-w-4xl items-center justify-between px-6">
          <Logo />
          <UserMenu account={accountInfo(user)} />
        </div>
      </header>
      <main className="mx-auto flex max-w-4xl flex-col gap-10 px-6 py-10">
        <section className="flex flex-col gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Service roadmaps</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Plan a service from MVP to roll-out with every team on one live board.
            </p>
          </div>
          <CreateBoardForm />
          <ImportBoardButton />
        </section>
        <section className="flex flex-col gap-3">
          <h2 className="text-sm font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Your roadmaps</h2>
          {"error" in result ? (
            <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
              {result.error}
            </p>
          ) : (
            <BoardList boards={result.boards} />
          )}
        </section>
      </main>
    </div>
  );
}
