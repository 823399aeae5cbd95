"use client";

import { useState } from "react";
import type { TimeScale } from "../../../lib/model/schemas";
import type { BoardSession } from "../../collab/boardSession";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { ShortcutsButton, UndoRedoButtons } from "./UndoRedoButtons";
import { useBoardShortcuts } from "./useBoardShortcuts";
import { useEditingActions } from "../commands/useEditingActions";

interface EditingControlsProps {
  session: BoardSession;
  readOnly: boolean;
  scale: TimeScale;
  onScale: (scale: TimeScale) => void;
  selectedId: string | null;
  select: (itemId: string | null) => void;
  notify: (message: string) => void;
  /** Where the buttons show (a class of INLINE_FROM); the keys and their help work at every width. */
  className?: string;
  /** An item (its title) was deleted here: say so and offer Undo. */
  onDeleted: (title: string) => void;
}

/**
 * Editing safety in the toolbar: undo and redo buttons, the keyboard layer (undo, redo,
 * delete, duplicate, zoom) and its help. People who cannot edit get the zoom keys and the help.
 */
export function EditingControls({ session, readOnly, scale, onScale, selectedId, select, notify, onDeleted, className = "flex" }: EditingControlsProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  const actions = useEditingActions(session, { selectedId, select, notify, onDeleted });
  const openHelp = () => setHelpOpen(true);
  useBoardShortcuts({ readOnly, scale, onScale, selectedId, actions, onHelp: openHelp });
  return (
    <>
      <div className={className}>
        {readOnly ? (
          <ShortcutsButton onHelp={openHelp} />
        ) : (
          <UndoRedoButtons canUndo={actions.canUndo} canRedo={actions.canRedo} onUndo={actions.undo} onRedo={actions.redo} onHelp={openHelp} />
        )}
      </div>
      <ShortcutsHelp open={helpOpen} readOnly={readOnly} onClose={() => setHelpOpen(false)} />
    </>
  );
}
