"use client";

import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { BoardSession } from "../collab/boardSession";
import type { UndoMark } from "../collab/undoHistory";
import { DraftsPanel } from "./DraftsPanel";
import type { WorkshopPanel, WorkshopUi } from "./useWorkshopUi";
import { VotePanel } from "./VotePanel";

interface WorkshopSidePanelProps {
  ui: WorkshopUi;
  panel: WorkshopPanel;
  snapshot: BoardSnapshot;
  session: BoardSession;
  onSelectItem: (itemId: string) => void;
  notify: (message: string, undo?: UndoMark | null) => void;
}

/** The workshop's side panel beside the board: the vote, or the drafts. */
export function WorkshopSidePanel({ ui, panel, snapshot, session, onSelectItem, notify }: WorkshopSidePanelProps) {
  const workshop = ui.binding.workshop;
  if (!workshop) return null;
  if (panel === "vote") return workshop.vote ? <VotePanel ui={ui} snapshot={snapshot} session={session} onSelectItem={onSelectItem} notify={notify} /> : null;
  return workshop.drafting.state !== "closed" ? <DraftsPanel ui={ui} snapshot={snapshot} onSelectItem={onSelectItem} /> : null;
}
