"use client";

import type { TimeScale } from "../../../lib/model/schemas";
import { ConfirmDialog } from "./ConfirmDialog";
import { PastTimeline } from "./PastTimeline";
import { ReplayBanner } from "./ReplayBanner";
import type { VersionsUi } from "./useVersionsUi";
import { restoreWarning, versionTitle } from "./versionWords";

interface ReplayAreaProps {
  ui: VersionsUi;
  canEdit: boolean;
  scale: TimeScale;
  collapsed: ReadonlySet<string>;
}

/**
 * Where the board's view stands while the history is replayed: the banner with its slider over
 * the board as it was. An item of it can be restored when the step is a version (a restore
 * takes a version; a moment between two has no stored state to take the item from).
 */
export function ReplayArea({ ui, canEdit, scale, collapsed }: ReplayAreaProps) {
  const { replay, restoringItem, setRestoringItem, restore } = ui;
  const step = replay.step;
  const version = step?.kind === "version" ? step.version : null;
  return (
    <div className="flex min-w-0 flex-1 flex-col" data-testid="replay">
      <ReplayBanner replay={replay} onBack={ui.stopReplay} />
      {/* Until the first answer the banner says it is loading (or why it failed); nothing live is drawn meanwhile. */}
      {replay.past && (
        <PastTimeline
          snapshot={replay.past.snapshot}
          scale={scale}
          collapsed={collapsed}
          onRestoreItem={canEdit && version ? (item) => setRestoringItem({ versionId: version.id, title: versionTitle(version), item }) : undefined}
          restoreHint={canEdit && !version ? "Step to a version on the slider to restore this item from it." : undefined}
        />
      )}
      {restoringItem && (
        <ConfirmDialog
          testId="restore-dialog"
          title={`Restore “${restoringItem.item?.title ?? ""}”?`}
          message={restoreWarning(restoringItem.title, restoringItem.item?.title)}
          confirmLabel="Restore this item"
          busyLabel="Restoring…"
          onConfirm={() => restore(restoringItem)}
          onClose={() => setRestoringItem(null)}
        />
      )}
    </div>
  );
}
