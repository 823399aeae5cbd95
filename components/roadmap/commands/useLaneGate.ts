"use client";

import { useMemo } from "react";
import type { DateString } from "../../../lib/model/dates";
import type { BoardSnapshot } from "../../../lib/model/snapshot";
import type { SuggestedFix } from "../../../lib/derive/types";
import { useLaneAccess } from "../../teams/laneAccess";
import type { DependencyActions } from "../itemPanel/DependencySection";
import type { ChainFixActions } from "../conflicts/useChainFix";
import type { useItemCommands } from "./useItemCommands";
import type { TimelineActions } from "./useTimelineActions";
import type { ItemPatch, NewItem } from "../../../lib/model/itemCommands";
import type { ProposalDraft } from "../../proposals/ProposeDialog";
import { draftOfCreate, draftOfPatch } from "../../proposals/stoppedEdits";

type ItemCommands = ReturnType<typeof useItemCommands>;
type Target = { itemId?: string; laneId?: string | null };

/**
 * Puts the board's commands behind the lane rules (docs/teams.md): a command that would change
 * an item, a link or a card of a lane this person may not edit says why and writes nothing, as
 * the sync server would refuse it (and close the connection). A dependency counts as its
 * successor's. Where every lane is open to this person, the commands pass through unchanged.
 * A stopped change to an item's dates, duration, lane, phase or title, its removal or a new
 * item offers "Propose this change" instead, the dialog filled in with it (docs/teams.md).
 */
export function useLaneGate(
  snapshot: BoardSnapshot,
  notify: (message: string, undo?: null, action?: { label: string; run: () => void } | null) => void,
  propose?: (draft: ProposalDraft) => void,
) {
  const access = useLaneAccess();
  return useMemo(() => {
    const stoppedAs = (draft: ProposalDraft | null, ...targets: Target[]): boolean => {
      for (const target of targets) {
        const why = access.refusalFor(target);
        if (why) {
          notify(why, null, draft && propose ? { label: "Propose this change", run: () => propose(draft) } : null);
          return true;
        }
      }
      return false;
    };
    const stopped = (...targets: Target[]): boolean => stoppedAs(null, ...targets);
    const dependency = (id: string) => snapshot.dependencies.find((d) => d.id === id);
    const successorsOf = (itemId: string) => snapshot.dependencies.filter((d) => d.fromId === itemId).map((d) => ({ itemId: d.toId as string }));
    const fixTargets = (fix: SuggestedFix): Target[] => {
      switch (fix.kind) {
        case "remove-dependency":
          return [{ itemId: dependency(fix.dependencyId)?.toId }];
        case "clear-phase-milestone":
          return [];
        case "set-item-lane":
          return [{ itemId: fix.itemId, laneId: fix.laneId }];
        default:
          return [{ itemId: fix.itemId }];
      }
    };
    return {
      items: (c: ItemCommands): ItemCommands => ({
        create: (input: NewItem) => (stoppedAs(draftOfCreate(input), { laneId: input.laneId ?? null }) ? null : c.create(input)),
        update: (id: string, patch: ItemPatch) => (stoppedAs(draftOfPatch(id, patch), { itemId: id, laneId: patch.laneId ?? null }) ? null : c.update(id, patch)),
        move: (id: string, start: DateString, laneId: string | null) =>
          stoppedAs(draftOfPatch(id, { start, ...(laneId ? { laneId: laneId as never } : {}) }), { itemId: id, laneId }) ? null : c.move(id, start, laneId),
        remove: (id) => (stoppedAs({ kind: "remove", itemId: id }, { itemId: id }, ...successorsOf(id)) ? null : c.remove(id)),
      }),
      dependencies: (c: DependencyActions): DependencyActions => ({
        add: (fromId, toId, lag) => access.refusalFor({ itemId: toId }) ?? c.add(fromId, toId, lag),
        remove: (id) => access.refusalFor({ itemId: dependency(id)?.toId }) ?? c.remove(id),
        setLag: (id, lag) => access.refusalFor({ itemId: dependency(id)?.toId }) ?? c.setLag(id, lag),
      }),
      fix: (apply: (fix: SuggestedFix) => string | null) => (fix: SuggestedFix) => {
        for (const target of fixTargets(fix)) {
          const why = access.refusalFor(target);
          if (why) return why;
        }
        return apply(fix);
      },
      chain: (c: ChainFixActions): ChainFixActions => ({
        plan: c.plan,
        apply: (itemId, start) => {
          const moves = c.plan(itemId, start)?.moves ?? [{ itemId }];
          for (const move of moves) {
            const why = access.refusalFor({ itemId: move.itemId });
            if (why) return why;
          }
          return c.apply(itemId, start);
        },
      }),
      card: (move: (itemId: string, phaseId: string | null, beforeId: string | null) => void) => (itemId: string, phaseId: string | null, beforeId: string | null) => {
        if (!stopped({ itemId })) move(itemId, phaseId, beforeId);
      },
      timeline: (t: TimelineActions): TimelineActions => ({
        ...t,
        link: (fromId, toId) => void (stopped({ itemId: toId }) || t.link(fromId, toId)),
        duplicate: (itemId) => void (stopped({ itemId }) || t.duplicate(itemId)),
        removeDependencies: (itemId) => void (stopped({ itemId }, ...successorsOf(itemId)) || t.removeDependencies(itemId)),
        remove: (itemId) => void (stoppedAs({ kind: "remove", itemId }, { itemId }, ...successorsOf(itemId)) || t.remove(itemId)),
        setPin: (itemId, start) => void (stoppedAs(draftOfPatch(itemId, { start: start as never }), { itemId }) || t.setPin(itemId, start)),
      }),
    };
  }, [access, snapshot, notify, propose]);
}
