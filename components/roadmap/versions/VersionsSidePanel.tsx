"use client";

import type { PanelPlacement } from "../../ui/panelPlacement";
import { HistoryPanel } from "./HistoryPanel";
import type { VersionsUi } from "./useVersionsUi";
import type { VersionPermissions } from "./VersionRow";
import { VersionsPanel } from "./VersionsPanel";

/** The side panel of versions, or, while the history is replayed, its steps. */
export function VersionsSidePanel({ ui, can, placement }: { ui: VersionsUi; can: VersionPermissions; placement: PanelPlacement }) {
  if (ui.replay.active) return <HistoryPanel replay={ui.replay} restore={can.edit ? ui.restore : undefined} onClose={ui.close} />;
  return <VersionsPanel list={ui.list} actions={ui.actions} can={can} onReplay={(versionId) => ui.startReplay(versionId, placement)} restore={ui.restore} onClose={ui.close} />;
}
