"use client";

import { useState } from "react";
import type * as Y from "yjs";
import type { CommandOrigin } from "../../lib/model/origin";
import { canEditRoadmap, canManageBoard, type Role } from "../../lib/protocol/roles";
import { ExportEntries } from "../io/ExportEntries";
import { ImportDialog } from "../io/ImportDialog";
import { INLINE_FROM, MENU_BELOW, MenuEntry, OverflowMenu } from "../ui/OverflowMenu";
import { useCopyActions } from "./CopyActions";
import { DeleteBoardDialog } from "./DeleteBoardDialog";
import { MembersDialog } from "./MembersDialog";
import { ShareDialog } from "./ShareDialog";
import { TimelineExportDialog } from "./TimelineExportDialog";

const headerButton =
  "flex items-center gap-1.5 whitespace-nowrap rounded-lg border border-slate-200 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800";

interface BoardActionsProps {
  boardId: string;
  title: string;
  role: Role;
  selfId: string;
  /** The live board, for the import's preview; null until it has synced. */
  doc: Y.Doc | null;
  /** The session's origin: an import into the board is written as this person's change. */
  origin: CommandOrigin;
}

/**
 * Members for everyone on the board; sharing and deleting for owners. From the xl width they
 * stand in the header; below, the header has room for the title and the people only, and they
 * are entries of a "Board" menu. That menu is always there for the exports (every member) and
 * the import into this board (editors and owners; the server checks it again).
 */
export function BoardActions({ boardId, title, role, selfId, doc, origin }: BoardActionsProps) {
  const [open, setOpen] = useState<"members" | "share" | "delete" | "import" | "picture" | null>(null);
  const owner = canManageBoard(role);
  const canImport = canEditRoadmap(role) && doc !== null;
  const close = () => setOpen(null);
  const copy = useCopyActions({ boardId, title, role });
  return (
    <div className="flex items-center gap-2">
      <OverflowMenu label="Board menu" testId="board-menu">
        {(closeMenu) => (
          <>
            <MenuEntry onSelect={() => setOpen("members")} close={closeMenu} className={MENU_BELOW.xl}>
              Members
            </MenuEntry>
            {owner && (
              <>
                <MenuEntry onSelect={() => setOpen("share")} close={closeMenu} className={MENU_BELOW.xl}>
                  Share
                </MenuEntry>
                <MenuEntry onSelect={() => setOpen("delete")} close={closeMenu} className={`text-rose-700 dark:text-rose-300 ${MENU_BELOW.xl}`}>
                  Delete board
                </MenuEntry>
              </>
            )}
            {canImport && (
              <MenuEntry onSelect={() => setOpen("import")} close={closeMenu}>
                Import into this board…
              </MenuEntry>
            )}
            {copy.entries(closeMenu)}
            <ExportEntries boardId={boardId} close={closeMenu} onPicture={() => setOpen("picture")} />
          </>
        )}
      </OverflowMenu>
      <div className={`${INLINE_FROM.xl} items-center gap-2`}>
        <button type="button" onClick={() => setOpen("members")} className={headerButton}>
          <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
            <circle cx="6" cy="5.5" r="2.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M1.5 13.5c.6-2.4 2.3-3.5 4.5-3.5s3.9 1.1 4.5 3.5M11 3.5a2.5 2.5 0 010 4.5M12.5 10.3c1 .5 1.7 1.6 2 3.2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          Members
        </button>
        {owner && (
          <>
            <button type="button" onClick={() => setOpen("share")} className={headerButton}>
              <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
                <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.6 3.6L10.6 8M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.6-3.6L5.4 8" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
              Share
            </button>
            <button
              type="button"
              onClick={() => setOpen("delete")}
              aria-label="Delete board"
              title="Delete board"
              className="rounded-lg p-1.5 text-slate-500 hover:bg-rose-50 hover:text-rose-600 dark:hover:bg-rose-500/10 dark:hover:text-rose-400"
            >
              <svg aria-hidden viewBox="0 0 16 16" className="size-4">
                <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9M6.8 7v4.5M9.2 7v4.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </button>
          </>
        )}
      </div>
      {open === "picture" && <TimelineExportDialog boardId={boardId} onClose={close} />}
      {open === "members" && <MembersDialog boardId={boardId} onClose={close} canManage={owner} selfId={selfId} />}
      {owner && open === "share" && <ShareDialog boardId={boardId} onClose={close} />}
      {canImport && open === "import" && doc && <ImportDialog into={{ boardId, doc, origin }} onClose={close} />}
      {owner && open === "delete" && <DeleteBoardDialog boardId={boardId} title={title} onClose={close} />}
      {copy.overlay}
    </div>
  );
}
