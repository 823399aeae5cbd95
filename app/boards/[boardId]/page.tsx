import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BoardScreen } from "../../../components/board/BoardScreen";
import { boardIdSchema } from "../../../lib/model/ids";
import { appServices, type BoardSummary } from "../../../lib/protocol/appServices";

interface BoardPageProps {
  params: Promise<{ boardId: string }>;
}

/** One lookup per request, shared by the metadata and the page. Junk ids never reach storage. */
const findBoard = cache(async (raw: string): Promise<BoardSummary | null> => {
  const id = boardIdSchema.safeParse(raw);
  if (!id.success) return null;
  return appServices().getBoard(id.data);
});

export async function generateMetadata({ params }: BoardPageProps): Promise<Metadata> {
  const board = await findBoard((await params).boardId);
  return { title: board?.title || "Roadmap" };
}

export default async function BoardPage({ params }: BoardPageProps) {
  const board = await findBoard((await params).boardId);
  if (!board) notFound();
  // key: a different board is a different session (doc, socket, presence), never a reused one.
  return <BoardScreen key={board.id} boardId={board.id} initialTitle={board.title} />;
}
