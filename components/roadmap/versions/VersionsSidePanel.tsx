"use client";

import { HistoryPanel } from "./HistoryPanel";
import type { VersionsUi } from "./useVersionsUi";
import type { VersionPermissions } from "./VersionRow";
import { VersionsPanel } from "./VersionsPanel";

/** The side panel of versions, or, while the history is replayed, its steps. */
export function VersionsSidePanel({ ui, can }: { ui: VersionsUi; can: VersionPermissions }) {
  if (ui.replay.active) return <HistoryPanel replay={ui.replay} restore={can.edit ? ui.restore : undefined} onClose={ui.replay.stop} />;
  return <VersionsPanel versions={ui.versions} can={can} onReplay={ui.replay.start} restore={ui.restore} onClose={ui.close} />;
}
