"use client";

import { useProposalsContext } from "./proposalsContext";

/**
 * In the item panel: "Propose a change" (commenters and up), and the item's open proposals, each
 * opening its card (docs/teams.md "Proposals").
 */
export function ProposeItemButton({ itemId }: { itemId: string }) {
  const { canPropose, propose, byItem, show } = useProposalsContext();
  const mine = byItem.get(itemId) ?? [];
  if (!canPropose && !mine.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      {canPropose && (
        <button
          type="button"
          data-testid="propose-change"
          onClick={() => propose({ kind: "change", itemId })}
          className="rounded-md border border-indigo-300 px-2.5 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50 dark:border-indigo-500/50 dark:text-indigo-200 dark:hover:bg-indigo-500/10"
        >
          Propose a change
        </button>
      )}
      {mine.map((p) => (
        <ProposalBadge key={p.id} label={`${p.authorName}'s proposal`} onClick={() => show(p.id)} />
      ))}
    </div>
  );
}

/** A small "proposal" mark (the table, cards, the item panel) that opens it. */
export function ProposalBadge({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      data-testid="proposal-badge"
      title={label}
      aria-label={`Open ${label}`}
      // A card or a row under it would start a drag or select the item.
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
      className="inline-flex shrink-0 items-center rounded-full border border-dashed border-indigo-400 px-1.5 text-[10px] font-semibold uppercase tracking-wide text-indigo-700 dark:text-indigo-200"
    >
      Proposal
    </button>
  );
}

/** The proposals on one item as badges (nothing when it has none). */
export function ItemProposalBadges({ itemId }: { itemId: string }) {
  const { byItem, show } = useProposalsContext();
  const list = byItem.get(itemId);
  if (!list?.length) return null;
  return <ProposalBadge label={list.length === 1 ? `${list[0]!.authorName}'s proposal` : `${list.length} proposals`} onClick={() => show(list[0]!.id)} />;
}
