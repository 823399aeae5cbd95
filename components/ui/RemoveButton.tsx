import { CrossIcon } from "./CloseButton";

/** A small × that removes one entry of a list (a link, a dependency); `label` says which, for screen readers. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} onClick={onClick} className="rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-rose-600 dark:hover:bg-slate-800">
      <CrossIcon className="size-3.5" />
    </button>
  );
}
