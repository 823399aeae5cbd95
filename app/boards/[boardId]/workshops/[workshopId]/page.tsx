import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AccountPageFrame } from "../../../../../components/auth/AccountPageFrame";
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
    <AccountPageFrame account={accountInfo(user)} width="wide">
      <WorkshopRecordView boardId={opened.value.board.id} workshopId={workshopId} boardTitle={opened.value.board.title} />
    </AccountPageFrame>
  );
}
