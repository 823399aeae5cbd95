import type * as Y from "yjs";
import type { CommandOrigin } from "../../lib/model/origin";
import { createUndoManager } from "../../lib/model/undoScope";
import { ValueStore } from "./store";

/** One step of this session's history, as it was when `mark` was called (compared by identity). */
export type UndoMark = object;

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * One session's undo and redo, as React sees them: the Yjs UndoManager of lib/model/undoScope
 * (only this session's own commands) and a store that says whether there is anything to undo
 * or redo, so the toolbar buttons can be disabled when there is not.
 */
export class UndoHistory {
  readonly state = new ValueStore<UndoState>({ canUndo: false, canRedo: false });
  private readonly manager: Y.UndoManager;

  constructor(doc: Y.Doc, origin: CommandOrigin) {
    this.manager = createUndoManager(doc, origin);
    this.manager.on("stack-item-added", this.refresh);
    this.manager.on("stack-item-popped", this.refresh);
    this.manager.on("stack-cleared", this.refresh);
  }

  /** Reverts this person's latest command; false when there was none. */
  undo(): boolean {
    return this.manager.undo() !== null;
  }

  /** The step the latest command made, to undo that very step later (a toast's Undo). */
  mark(): UndoMark | null {
    return this.manager.undoStack[this.manager.undoStack.length - 1] ?? null;
  }

  /**
   * Undoes the marked step if it is still the latest one; false when it is not (something
   * was done or undone since): undo never skips over later steps, Ctrl+Z walks back to it.
   */
  undoIf(mark: UndoMark | null): boolean {
    if (!mark || this.manager.undoStack[this.manager.undoStack.length - 1] !== mark) return false;
    return this.undo();
  }

  /** Re-applies the latest undone command; false when there was none. */
  redo(): boolean {
    return this.manager.redo() !== null;
  }

  /** Forgets the history (the board became read-only: nothing of it can be saved any more). */
  clear(): void {
    this.manager.clear();
  }

  destroy(): void {
    this.manager.destroy();
  }

  private readonly refresh = (): void => {
    const next = { canUndo: this.manager.canUndo(), canRedo: this.manager.canRedo() };
    const current = this.state.get();
    if (next.canUndo !== current.canUndo || next.canRedo !== current.canRedo) this.state.set(next);
  };
}
