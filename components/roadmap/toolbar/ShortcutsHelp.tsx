"use client";

import { Dialog } from "../../ui/Dialog";
import { shortcutHelp } from "./shortcuts";
import { useIsMac } from "./UndoRedoButtons";

/** The "Keyboard shortcuts" dialog (opened with ? or the keyboard button in the toolbar). */
export function ShortcutsHelp({ open, readOnly, onClose }: { open: boolean; readOnly: boolean; onClose: () => void }) {
  const rows = shortcutHelp(useIsMac()).filter((row) => !readOnly || !row.edits);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description={readOnly ? "You can view this board; these keys change only your own view." : "They work anywhere on the board except while you type in a field."}
      width="max-w-md"
      testId="shortcuts-help"
    >
      <table className="w-full text-sm">
        <tbody>
          {rows.map((row) => (
            <tr key={row.what} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="py-2 pr-4 text-slate-700 dark:text-slate-200">{row.what}</td>
              <td className="py-2 text-right whitespace-nowrap">
                {row.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="mx-1 text-xs text-slate-500 dark:text-slate-400">or</span>}
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-[0_1px_0_0] shadow-slate-300 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:shadow-slate-700">
                      {key}
                    </kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
