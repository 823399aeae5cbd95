"use client";

import { forwardRef, useImperativeHandle, useState } from "react";

export interface MentionCandidate {
  id: string;
  name: string;
  email: string;
}

export interface MentionMenuHandle {
  /** True when the key was the menu's to handle (arrows, Enter, Tab). */
  onKeyDown(event: KeyboardEvent): boolean;
}

interface MentionMenuProps {
  items: MentionCandidate[];
  command: (attrs: { id: string; label: string }) => void;
}

/** The list "@" opens in a comment: the board's members matching what was typed after it. */
export const MentionMenu = forwardRef<MentionMenuHandle, MentionMenuProps>(function MentionMenu({ items, command }, ref) {
  const [active, setActive] = useState(0);
  const [lastItems, setLastItems] = useState(items);
  // A new query gives a new list: start again at its top.
  if (lastItems !== items) {
    setLastItems(items);
    setActive(0);
  }
  const choose = (index: number) => {
    const item = items[index];
    if (item) command({ id: item.id, label: item.name });
  };
  useImperativeHandle(ref, () => ({
    onKeyDown(event) {
      if (items.length === 0) return false;
      if (event.key === "ArrowDown") setActive((i) => (i + 1) % items.length);
      else if (event.key === "ArrowUp") setActive((i) => (i + items.length - 1) % items.length);
      else if (event.key === "Enter" || event.key === "Tab") choose(active);
      else return false;
      return true;
    },
  }));
  return (
    <div
      role="listbox"
      aria-label="Mention a member"
      data-testid="mention-menu"
      className="max-h-60 w-64 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {items.length === 0 ? (
        <p className="px-2 py-1.5 text-slate-500 dark:text-slate-400">No member by that name</p>
      ) : (
        items.map((item, index) => (
          <button
            key={item.id}
            type="button"
            role="option"
            aria-selected={index === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(index)}
            className={`flex w-full flex-col rounded-md px-2 py-1 text-left ${index === active ? "bg-indigo-50 dark:bg-indigo-500/15" : "hover:bg-slate-50 dark:hover:bg-slate-800"}`}
          >
            <span className="font-medium text-slate-800 dark:text-slate-100">{item.name}</span>
            <span className="truncate text-xs text-slate-500 dark:text-slate-400">{item.email}</span>
          </button>
        ))
      )}
    </div>
  );
});
