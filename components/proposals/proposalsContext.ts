"use client";

import { createContext, useContext } from "react";
import type { ProposalView } from "../../lib/protocol/proposals";
import type { ProposalDraft } from "./ProposeDialog";

/** The board's proposals as the page's parts use them (ghosts, badges, the panel, stopped edits). */
export interface ProposalsUi {
  open: readonly ProposalView[];
  /** Open proposals by the item they change or remove. */
  byItem: ReadonlyMap<string, readonly ProposalView[]>;
  /** Commenters and up may propose (the server decides in the end). */
  canPropose: boolean;
  /** Opens the propose dialog filled in with the draft. */
  propose: (draft: ProposalDraft) => void;
  /** Opens one proposal: who, why, and the answers the reader may give. */
  show: (proposalId: string) => void;
}

export const NO_PROPOSALS: ProposalsUi = { open: [], byItem: new Map(), canPropose: false, propose: () => {}, show: () => {} };

export const ProposalsContext = createContext<ProposalsUi>(NO_PROPOSALS);
export const useProposalsContext = () => useContext(ProposalsContext);
