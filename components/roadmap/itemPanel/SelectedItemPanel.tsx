"use client";

import type { ReactNode } from "react";
import type { Conflict } from "../../../lib/derive/types";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { BoardSession } from "../../collab/boardSession";
import { AnchorThreads } from "../../comments/AnchorThreads";
import { useLaneAccess } from "../../teams/laneAccess";
import { ObjectHistory } from "../../history/ObjectHistory";
import type { CommentsBinding, useCommentsUi } from "../../comments/useCommentsUi";
import type { BoardCommands } from "../commands/useBoardCommands";
import type { BoardData } from "../data/useBoardData";
import { DependencySection } from "./DependencySection";
import { ItemDescription } from "./ItemDescription";
import { ItemPanel } from "./ItemPanel";
import { ScheduleFacts } from "./ScheduleFacts";
import { ProposeItemButton } from "../../proposals/ProposeItemButton";
import type { BaselineView } from "../history/useBaseline";

const NO_CONFLICTS: readonly Conflict[] = [];

interface SelectedItemPanelProps {
  itemId: string;
  /** The item was created here a moment ago: its title gets the focus. */
  fresh: boolean;
  session: BoardSession;
  snapshot: BoardSnapshot;
  data: BoardData;
  commands: BoardCommands;
  readOnly: boolean;
  /** Comment threads; null for guests on a share link. */
  comments: CommentsBinding | null;
  commentsUi: ReturnType<typeof useCommentsUi>;
  onClose: () => void;
  /** The board against its baseline, when it has one: the item's planned dates and slip. */
  baseline?: BaselineView | null;
  /** "Request from another team…" (docs/teams.md); absent where the reader cannot ask. */
  onRequest?: () => void;
  /** The dependency requests this item takes part in (requests/ItemRequests); absent for guests. */
  itemRequests?: ReactNode;
}

/** The item panel of the selected item with everything it holds: fields, description, schedule facts, dependencies, comments, history. */
export function SelectedItemPanel({ itemId, fresh, session, snapshot, data, commands, readOnly: boardReadOnly, comments, commentsUi, onClose, baseline = null, onRequest, itemRequests }: SelectedItemPanelProps) {
  const scheduled = data.scheduled.get(itemId);
  // An item of a lane owned by another team is shown as read-only here (docs/teams.md).
  const access = useLaneAccess();
  const readOnly = boardReadOnly || !access.mayEditItem(itemId);
  return (
    <ItemPanel
      itemId={itemId}
      item={snapshot.items.find((i) => i.id === itemId)}
      lanes={snapshot.lanes}
      phases={snapshot.phases}
      milestones={snapshot.milestones}
      calendar={data.calendar}
      scheduled={scheduled}
      hasPredecessors={snapshot.dependencies.some((d) => d.toId === itemId)}
      autoFocusTitle={fresh}
      readOnly={readOnly}
      onUpdate={commands.update}
      onDelete={commands.removeItem}
      onClose={onClose}
      description={<ItemDescription key={itemId} session={session} itemId={itemId} readOnly={readOnly} />}
      history={comments ? <ObjectHistory boardId={session.boardId} objectId={itemId} objectKind="item" snapshot={snapshot} /> : undefined}
      comments={
        comments
          ? {
              tab: commentsUi.itemTab,
              onTab: commentsUi.setItemTab,
              count: commentsUi.counts.get(itemId) ?? 0,
              content: (
                <AnchorThreads
                  anchor={{ kind: "item", id: itemId }}
                  threads={commentsUi.anchorThreads({ kind: "item", id: itemId })}
                  context={comments.context}
                  focusThreadId={commentsUi.focusThreadId}
                  noun="this item"
                />
              ),
            }
          : undefined
      }
    >
      <ScheduleFacts scheduled={scheduled} conflicts={data.conflicts.byObject.get(itemId) ?? NO_CONFLICTS} baseline={baseline?.items.get(itemId) ?? null} />
      <DependencySection
        itemId={itemId}
        items={snapshot.items}
        dependencies={snapshot.dependencies}
        brokenLinks={data.conflicts.brokenLinks}
        actions={commands.dependencyActions}
        readOnly={readOnly}
      />
      {itemRequests}
      {/* Asking is for items of lanes the reader may edit, as the server checks (mayEditLane). */}
      {onRequest && !readOnly && (
        <button
          type="button"
          onClick={onRequest}
          className="self-start rounded-md border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Request from another team…
        </button>
      )}
      <ProposeItemButton itemId={itemId} />
    </ItemPanel>
  );
}
