import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { BoardScreen } from "../../../components/board/BoardScreen";
import { appServices } from "../../../lib/protocol/appServices";
import { currentUser } from "../../_auth/session";

interface SharePageProps {
  params: Promise<{ secret: string }>;
}

// The URL holds the link's secret: keep it out of search engines and of other sites' logs.
export const metadata: Metadata = { title: "Shared roadmap", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A board opened through a view-only share link, by anyone, without an account. The link
 * resolves to a guest principal; the page mints that guest a short-lived sync token, since a
 * guest has no session cookie for the websocket to check.
 */
export default async function SharePage({ params }: SharePageProps) {
  await connection();
  const { secret } = await params;
  const services = appServices();
  const link = await services.resolveShareLink(secret);
  if (!link) notFound();
  // Members who follow a share link get the board with their own role instead.
  const user = await currentUser();
  if (user) {
    const asMember = await services.openBoard({ kind: "user", userId: user.id, name: user.name, email: user.email }, link.boardId);
    if (asMember.ok) redirect(`/boards/${link.boardId}`);
  }
  const opened = await services.openBoard(link.principal, link.boardId);
  const token = await services.mintSyncToken(link.principal, link.boardId);
  if (!opened.ok || !token.ok) notFound();
  return (
    <BoardScreen
      key={link.boardId}
      boardId={link.boardId}
      initialTitle={opened.value.board.title}
      role={opened.value.role}
      account={null}
      syncToken={{ ...token.value, refreshUrl: `/api/share/${encodeURIComponent(secret)}/token` }}
      guestSecret={secret}
    />
  );
}
