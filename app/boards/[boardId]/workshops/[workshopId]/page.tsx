import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { UserMenu } from "../../../../../components/auth/UserMenu";
import { Logo } from "../../../../../components/ui/Logo";
import { WorkshopRecordView } from "../../../../../components/workshop/WorkshopRecordView";
import { boardIdSchema } from "../../../../../lib/model/ids";
import { appServices } from "../../../../../lib/protocol/appServices";
import { accountInfo } from "../../../../_auth/account";
import { currentUser } from "../../../../_auth/session";

interface RecordPageProps {
  params: Promise<{ boardId: string; workshopId: string }>;
}

export const metadata: Metadata = { title: "Workshop record" };

/**
 * The record of an ended workshop (docs/workshops.md), for every member of its board. The page
 * checks the board like the board page does (a board one may not see is not found); the record
 * itself is read by the browser from the API, which checks again.
 */
export default async function WorkshopRecordPage({ params }: RecordPageProps) {
  const { boardId, workshopId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/boards/${boardId}/workshops/${workshopId}`)}`);
  const id = boardIdSchema.safeParse(boardId);
  if (!id.success || !/^[A-Za-z0-9_-]{1,64}$/.test(workshopId)) notFound();
  const opened = await appServices().openBoard({ kind: "user", userId: user.id, name: user.name, email: user.email }, id.data);
  if (!opened.ok) notFound();
  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
        <div className="mx-auto flex h-14 max-w-4xl items-center justify-between px-6">
          <Logo />
          <UserMenu account={accountInfo(user)} />
        </div>
      </header>
      <main className="mx-auto flex max-w-4xl flex-col gap-6 px-6 py-8">
        <WorkshopRecordView boardId={opened.value.board.id} workshopId={workshopId} boardTitle={opened.value.board.title} />
      </main>
    </div>
  );
}
