import { redirect } from "next/navigation";
import { connection } from "next/server";
import { BoardList } from "../components/home/BoardList";
import { CreateBoardForm } from "../components/home/CreateBoardForm";
import { ImportBoardButton } from "../components/home/ImportBoardButton";
import type { UserId } from "../lib/model/ids";
import { appServices, type BoardSummary } from "../lib/protocol/appServices";
import type { Role } from "../lib/protocol/roles";
import { AccountPageFrame } from "../components/auth/AccountPageFrame";
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
    <AccountPageFrame account={accountInfo(user)} width="wide" spacing="gap-10 py-10">
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
    </AccountPageFrame>
  );
}
