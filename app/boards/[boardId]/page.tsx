import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { BoardScreen } from "../../../components/board/BoardScreen";
import { boardIdSchema } from "../../../lib/model/ids";
import { appServices } from "../../../lib/protocol/appServices";
import { accountInfo } from "../../_auth/account";
import { currentUser } from "../../_auth/session";

interface BoardPageProps {
  params: Promise<{ boardId: string }>;
}

/**
 * One lookup per request, shared by the metadata and the page. Junk ids never reach storage;
 * a board the user may not see is answered exactly like one that does not exist.
 */
const openBoard = cache(async (raw: string) => {
  const user = await currentUser();
  if (!user) return { signedOut: true as const };
  const id = boardIdSchema.safeParse(raw);
  if (!id.success) return null;
  const opened = await appServices().openBoard({ kind: "user", userId: user.id, name: user.name, email: user.email }, id.data);
  return opened.ok ? { ...opened.value, user } : null;
});

export async function generateMetadata({ params }: BoardPageProps): Promise<Metadata> {
  const opened = await openBoard((await params).boardId);
  if (!opened || !("board" in opened)) return { title: "Roadmap" };
  // A scenario is marked everywhere, the browser tab included (docs/teams.md).
  const title = opened.board.title || "Roadmap";
  return { title: opened.scenario ? `Scenario “${opened.scenario.name}” · ${title}` : title };
}

export default async function BoardPage({ params }: BoardPageProps) {
  const { boardId } = await params;
  const opened = await openBoard(boardId);
  if (opened && "signedOut" in opened) redirect(`/signin?callbackUrl=${encodeURIComponent(`/boards/${boardId}`)}`);
  if (!opened) notFound();
  // key: a different board is a different session (doc, socket, presence), never a reused one.
  return (
    <BoardScreen
      key={opened.board.id}
      boardId={opened.board.id}
      initialTitle={opened.board.title}
      role={opened.role}
      scenario={opened.scenario ?? null}
      account={{ id: opened.user.id, ...accountInfo(opened.user) }}
    />
  );
}
