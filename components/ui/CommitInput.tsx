"use client";

import { useId, useRef, useState, type InputHTMLAttributes } from "react";

type CommitInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> & {
  value: string;
  /** Called on blur or Enter when the text changed (and `validate` found nothing wrong); Escape reverts. */
  onCommit: (value: string) => void;
  /**
   * Why a draft cannot be saved, in a sentence, or null when it can. A refused draft is never
   * reverted silently: it stays in the field, marked invalid, with the sentence under it, until
   * the person corrects it or presses Escape.
   */
  validate?: (draft: string) => string | null;
};

/**
 * A text field over a shared value: while focused it keeps the person's draft (remote edits do
 * not yank the text from under their cursor); one command is written when they are done.
 */
export function CommitInput({ value, onCommit, validate, onFocus, onBlur, onKeyDown, className, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reverting = useRef(false);
  const problemId = useId();
  const describedBy = [rest["aria-describedby"], problem ? problemId : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <input
        {...rest}
        value={draft ?? value}
        aria-invalid={problem ? true : rest["aria-invalid"]}
        aria-describedby={describedBy}
        className={`${className ?? ""}${problem ? " border-rose-500 focus:border-rose-500 focus:ring-rose-500/20 dark:border-rose-400" : ""}`}
        onFocus={(e) => {
          // A refused draft is still there to correct; otherwise start from the shared value.
          if (draft === null) setDraft(value);
          onFocus?.(e);
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          // Once a draft was refused, say at once when the correction is good (or what is still wrong).
          if (problem && validate) setProblem(validate(e.target.value));
        }}
        onBlur={(e) => {
          const wasReverting = reverting.current;
          reverting.current = false;
          if (!wasReverting && draft !== null && draft !== value) {
            const why = validate?.(draft) ?? null;
            if (why) {
              setProblem(why);
              onBlur?.(e);
              return;
            }
            onCommit(draft);
          }
          setProblem(null);
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
      {problem && (
        <p id={problemId} role="alert" data-testid="field-problem" className="text-xs text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      )}
    </>
  );
}
