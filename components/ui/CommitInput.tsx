"use client";

import { useRef, useState, type InputHTMLAttributes } from "react";

type CommitInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> & {
  value: string;
  /** Called on blur or Enter when the text changed; Escape reverts. */
  onCommit: (value: string) => void;
};

/**
 * A text field over a shared value: while focused it keeps the person's draft (remote edits do
 * not yank the text from under their cursor); one command is written when they are done.
 */
export function CommitInput({ value, onCommit, onFocus, onBlur, onKeyDown, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const reverting = useRef(false);
  return (
    <input
      {...rest}
      value={draft ?? value}
      onFocus={(e) => {
        setDraft(value);
        onFocus?.(e);
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={(e) => {
        if (!reverting.current && draft !== null && draft !== value) onCommit(draft);
        reverting.current = false;
        setDraft(null);
        onBlur?.(e);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") {
          reverting.current = true;
          e.currentTarget.blur();
        }
      }}
    />
  );
}
