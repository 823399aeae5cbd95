import { TIME_SCALES, type TimeScale } from "../../../lib/model/schemas";

export type ShortcutAction =
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "delete" }
  | { kind: "duplicate" }
  | { kind: "zoom"; scale: TimeScale }
  | { kind: "zoomStep"; step: 1 | -1 }
  | { kind: "help" };

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const ZOOM_KEYS: Record<string, TimeScale> = { "1": "weeks", "2": "months", "3": "quarters" };

/**
 * The board's keyboard shortcuts. Ctrl and ⌘ are the same modifier here, so Mac and PC people
 * get their habits; Ctrl+Y is the PC's other redo. Alt combinations are left to the system.
 */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.altKey) return null;
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (mod) {
    if (key === "z") return { kind: press.shiftKey ? "redo" : "undo" };
    if (key === "y" && press.ctrlKey && !press.shiftKey) return { kind: "redo" };
    if (key === "d" && !press.shiftKey) return { kind: "duplicate" };
    return null;
  }
  if (key === "Delete" || key === "Backspace") return { kind: "delete" };
  if (key === "?") return { kind: "help" };
  const scale = ZOOM_KEYS[key];
  if (scale) return { kind: "zoom", scale };
  if (key === "+" || key === "=") return { kind: "zoomStep", step: -1 };
  if (key === "-" || key === "_") return { kind: "zoomStep", step: 1 };
  return null;
}

/**
 * The laser pointer's key, held (components/presence/useLaserPointer.ts): L, free of every
 * shortcut above and of the timeline's keys (arrows, Enter, Space, Escape, F10).
 */
export function isLaserKey(press: KeyPress): boolean {
  return !press.ctrlKey && !press.metaKey && !press.altKey && press.key.toLowerCase() === "l";
}

/** The next scale in or out (weeks is the closest), staying at the ends. */
export function stepScale(scale: TimeScale, step: 1 | -1): TimeScale {
  const index = Math.min(TIME_SCALES.length - 1, Math.max(0, TIME_SCALES.indexOf(scale) + step));
  return TIME_SCALES[index]!;
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "datetime-local", "month", "week", "time"]);

/** Where the keys are text being typed: the browser's own undo and Backspace belong there. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Where a board shortcut must not fire: in any form field (Delete in the status list must not
 * delete the item) and in any open dialog (the board behind it is not what the person is on).
 */
export function isShieldedTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (isTextEntry(target) || target instanceof HTMLSelectElement || target instanceof HTMLInputElement) return true;
  return target.closest("dialog, [role=dialog], [role=menu], [role=listbox]") !== null;
}

export interface ShortcutHelpRow {
  keys: string[];
  what: string;
  /** Only for people who may edit the board. */
  edits: boolean;
}

/** The rows of the "Keyboard shortcuts" help, in the words shown there. */
export function shortcutHelp(mac: boolean): ShortcutHelpRow[] {
  const mod = mac ? "⌘" : "Ctrl";
  return [
    { keys: [`${mod} Z`], what: "Undo your last change", edits: true },
    { keys: [`${mod} Shift Z`, ...(mac ? [] : ["Ctrl Y"])], what: "Redo", edits: true },
    { keys: ["Delete", "Backspace"], what: "Delete the selected item", edits: true },
    { keys: [`${mod} D`], what: "Duplicate the selected item", edits: true },
    // The timeline's own keys on a focused bar (components/roadmap/timeline/gestures/barKeys.ts) and its panning.
    { keys: ["← → ↑ ↓"], what: "Move focus between bars (Tab too)", edits: false },
    { keys: ["Enter"], what: "Select the focused bar", edits: false },
    { keys: ["Alt ←", "Alt →"], what: "Move the focused bar a working day (Shift: a working week)", edits: true },
    { keys: ["Alt ↑", "Alt ↓"], what: "Move the focused bar to the lane above or below", edits: true },
    { keys: ["Shift F10", "Menu"], what: "Open the focused bar's menu", edits: false },
    { keys: ["Space drag", "Middle drag"], what: "Pan the timeline", edits: false },
    { keys: ["Shift wheel"], what: "Scroll the timeline sideways", edits: false },
    { keys: ["1", "2", "3"], what: "Zoom to weeks, months, quarters", edits: false },
    { keys: ["+", "−"], what: "Zoom in, zoom out", edits: false },
    // Leading (like dragging) is for people who may edit: the sync server drops a viewer's laser.
    { keys: ["Hold L"], what: "Laser pointer: everyone sees a fading trail where your mouse goes on the timeline", edits: true },
    { keys: ["?"], what: "Show these shortcuts", edits: false },
  ];
}
