"use client";

import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { BoardSnapshot } from "../../lib/model/snapshot";
import type { ProposalChange, ProposalView } from "../../lib/protocol/proposals";
import { Dialog } from "../ui/Dialog";
import { ProposalCard } from "./ProposalCard";
import type { ProposalsUi } from "./proposalsContext";
import { proposalsApi, type ProposalAnswer } from "./proposalsApi";
import { ProposeDialog, type ProposalDraft } from "./ProposeDialog";
import { useProposals } from "./useProposals";

/** The draft a counter starts from: the proposal it answers, as it proposed it. */
function draftOf(p: ProposalView): ProposalDraft {
  const { change } = p;
  if (change.kind === "create") return { kind: "create", laneId: change.laneId, item: change.item };
  if (change.kind === "remove") return { kind: "remove", itemId: change.itemId };
  return { kind: "change", itemId: change.itemId, fields: change.fields };
}

/**
 * Proposals on the page (docs/teams.md "Proposals"): the open ones, the propose dialog and the
 * open proposal's card, and what the rest of the page calls (ProposalsContext). Signed-in
 * members only: guests on a share link neither see nor make them.
 */
export function useProposalsUi(
  boardId: string,
  snapshot: BoardSnapshot,
  reader: { signedIn: boolean; selfId: string | null; canPropose: boolean },
  notify: (message: string) => void,
): { ui: ProposalsUi; dialogs: ReactNode } {
  const proposals = useProposals(boardId, reader.signedIn);
  const [draft, setDraft] = useState<{ draft: ProposalDraft; countering: ProposalView | null } | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const shown = shownId ? (proposals.open.find((p) => p.id === shownId) ?? null) : null;
  const { refresh } = proposals;

  const byItem = useMemo(() => {
    const map = new Map<string, ProposalView[]>();
    for (const p of proposals.open) {
      const itemId = p.change.kind === "create" ? null : p.change.itemId;
      if (itemId) map.set(itemId, [...(map.get(itemId) ?? []), p]);
    }
    return map;
  }, [proposals.open]);

  const propose = useCallback((d: ProposalDraft) => setDraft({ draft: d, countering: null }), []);
  const ui = useMemo<ProposalsUi>(
    () => ({ open: proposals.open, byItem, canPropose: reader.canPropose, propose, show: setShownId }),
    [proposals.open, byItem, reader.canPropose, propose],
  );

  const submit = async (change: ProposalChange, reason: string): Promise<string | null> => {
    const result = draft?.countering
      ? await proposalsApi.answer(boardId, draft.countering.id, { kind: "counter", change, reason })
      : await proposalsApi.create(boardId, change, reason);
    if (!result.ok) return result.error;
    refresh();
    notify(draft?.countering ? "Counter-proposal sent." : "Proposal sent: the lane's team will answer it.");
    return null;
  };

  const answer = async (p: ProposalView, a: ProposalAnswer): Promise<string | null> => {
    const result = await proposalsApi.answer(boardId, p.id, a);
    if (!result.ok) return result.error;
    setShownId(null);
    refresh();
    notify(a.kind === "accept" ? "Proposal accepted: the change is on the board." : a.kind === "decline" ? "Proposal declined." : "Proposal withdrawn.");
    return null;
  };

  const dialogs = (
    <>
      {shown && (
        <Dialog open title="Proposal" onClose={() => setShownId(null)} testId="proposal-popover" width="max-w-md">
          <ProposalCard
            proposal={shown}
            snapshot={snapshot}
            selfId={reader.selfId}
            onAnswer={answer}
            onCounter={(p) => {
              setShownId(null);
              setDraft({ draft: draftOf(p), countering: p });
            }}
          />
        </Dialog>
      )}
      {draft && (
        <ProposeDialog
          draft={draft.draft}
          snapshot={snapshot}
          countering={draft.countering ? { authorName: draft.countering.authorName } : null}
          onSubmit={submit}
          onClose={() => setDraft(null)}
        />
      )}
    </>
  );
  return { ui, dialogs };
}
