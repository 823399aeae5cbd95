import type { LaneId, PhaseId, UserId } from "../../lib/model/ids";
import { describeIssues } from "../../lib/model/issues";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { ok } from "../../lib/model/result";
import { readSnapshot, type BoardSnapshot } from "../../lib/model/snapshot";
import { transact } from "../../lib/model/transact";
import { canComment } from "../../lib/protocol/roles";
import { DRAFT_SIZE_DAYS, draftInputSchema, draftPatchSchema, MAX_DRAFTS_PER_PERSON, revealDraftsSchema } from "../../lib/protocol/workshops";
import type { Changed, WorkshopServices } from "../services/workshopServices";
import { fail } from "../services/serviceErrors";
import type { StoredDraft, StoredWorkshop } from "../storage/workshopStore";
import type { FacilitatorStep } from "./facilitatorStep";
import { isFailure, newDraftId, workshopNotFound, type Failure, type WorkshopContext } from "./workshopContext";
import { draftingState, draftView } from "./workshopViews";

const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const draftNotFound = () => fail("not-found", "That draft does not exist.");

/**
 * Private drafting (docs/workshops.md). Drafts live on the server, never in the shared
 * document: before the reveal only their author reads, changes or deletes them (anyone else
 * is told they do not exist). The reveal writes them all into the board at once, as ordinary
 * items, in one server transaction.
 */
export function workshopDraftServices(
  ctx: WorkshopContext,
  changed: Changed,
  facilitatorStep: FacilitatorStep,
): Pick<WorkshopServices, "listDrafts" | "createDraft" | "updateDraft" | "deleteDraft" | "revealDrafts"> {
  const { storage } = ctx.deps;

  /** A running workshop whose drafting is open, for someone who may draft. */
  async function drafting(actor: UserId, boardId: Parameters<WorkshopContext["role"]>[1], workshopId: string) {
    const role = await ctx.role(actor, boardId);
    if (isFailure(role)) return role;
    if (!canComment(role)) return fail("forbidden", "Viewers cannot draft.");
    const workshop = await ctx.runningOne(boardId, workshopId);
    if (isFailure(workshop)) return workshop;
    if (draftingState(workshop) !== "open") return fail("conflict", "Drafting is not open: it opens during a drafting step, until the reveal.");
    return { role, workshop };
  }

  /** Lane and phase must be on the board (a draft pointing nowhere would become a broken item). */
  function checkPlace(snapshot: BoardSnapshot, fields: { laneId?: string | null; phaseId?: string | null }): Failure | null {
    if (fields.laneId && !snapshot.lanes.some((l) => l.id === fields.laneId)) return fail("invalid", "That lane is not on the board.");
    if (fields.phaseId && !snapshot.phases.some((p) => p.id === fields.phaseId)) return fail("invalid", "That phase is not on the board.");
    return null;
  }

  async function view(draft: StoredDraft) {
    return draftView(draft, await ctx.names([draft.authorId]));
  }

  return {
    async listDrafts(actor, boardId, workshopId) {
      const role = await ctx.role(actor, boardId);
      if (isFailure(role)) return role;
      const workshop = DRAFT_ID.test(workshopId) ? await storage.getWorkshop(boardId, workshopId) : null;
      if (!workshop) return workshopNotFound();
      // Mine, whatever their state; everyone else's only once revealed.
      const drafts = (await storage.listDrafts(workshop.id)).filter((d) => d.authorId === actor || d.revealedAt !== null);
      const names = await ctx.names(drafts.map((d) => d.authorId));
      return ok({ drafts: drafts.map((d) => draftView(d, names)) });
    },

    async createDraft(actor, boardId, workshopId, input) {
      const parsed = draftInputSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const open = await drafting(actor, boardId, workshopId);
      if (isFailure(open)) return open;
      if (!ctx.limits.take(actor, "draft")) return fail("too-many", "That was a lot at once: wait a moment.");
      const refused = checkPlace(await ctx.deps.readSnapshot(boardId), parsed.data);
      if (refused) return refused;
      const draft: StoredDraft = {
        id: newDraftId(),
        workshopId: open.workshop.id,
        boardId,
        authorId: actor,
        ...parsed.data,
        createdAt: ctx.now().toISOString(),
        itemId: null,
        revealedAt: null,
      };
      if (!(await storage.createDraft(draft, MAX_DRAFTS_PER_PERSON)))
        return fail("conflict", `You have ${MAX_DRAFTS_PER_PERSON} drafts in this workshop: that is the most one person may have.`);
      // The count changed for everyone; the draft itself is the author's alone.
      ctx.announceSoon(boardId);
      return ok({ draft: await view(draft) });
    },

    async updateDraft(actor, boardId, workshopId, draftId, input) {
      const parsed = draftPatchSchema.safeParse(input);
      if (!parsed.success) return fail("invalid", describeIssues(parsed.error));
      const open = await drafting(actor, boardId, workshopId);
      if (isFailure(open)) return open;
      if (!DRAFT_ID.test(draftId)) return draftNotFound();
      if (!ctx.limits.take(actor, "draft")) return fail("too-many", "That was a lot at once: wait a moment.");
      const refused = checkPlace(await ctx.deps.readSnapshot(boardId), parsed.data);
      if (refused) return refused;
      const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
      const draft = await storage.updateDraft(open.workshop.id, draftId, actor, patch);
      return draft ? ok({ draft: await view(draft) }) : draftNotFound();
    },

    async deleteDraft(actor, boardId, workshopId, draftId) {
      const open = await drafting(actor, boardId, workshopId);
      if (isFailure(open)) return open;
      if (!DRAFT_ID.test(draftId) || !(await storage.deleteDraft(open.workshop.id, draftId, actor))) return draftNotFound();
      ctx.announceSoon(boardId);
      return ok(undefined);
    },

    revealDrafts: facilitatorStep(revealDraftsSchema, async ({ actor, boardId, role, workshop, input: { target } }) => {
      const drafts = (await storage.listDrafts(workshop.id)).filter((d) => d.revealedAt === null);
      const names = await ctx.names(drafts.map((d) => d.authorId));
      const written = await ctx.deps.withLiveBoard(boardId, (board) => {
        const snapshot = readSnapshot(board.doc);
        const lanes = new Set<string>(snapshot.lanes.map((l) => l.id));
        const phases = new Set<string>(snapshot.phases.map((p) => p.id));
        if (target.kind === "lane" && !lanes.has(target.laneId)) return null;
        const origin = createOrigin("server", `workshop:${actor}`);
        const items: { draftId: string; itemId: string | null }[] = [];
        // One transaction: everyone sees every draft appear at once, and one update is stored.
        transact(board.doc, origin, () => {
          for (const d of drafts) {
            // A lane or phase deleted since the draft was written leaves the item without one.
            const laneId = target.kind === "lane" ? target.laneId : d.laneId && lanes.has(d.laneId) ? d.laneId : null;
            const created = createItem(board.doc, origin, {
              title: d.title,
              laneId: laneId as LaneId | null,
              phaseId: (d.phaseId && phases.has(d.phaseId) ? d.phaseId : null) as PhaseId | null,
              start: null,
              duration: DRAFT_SIZE_DAYS[d.size],
              owners: [names(d.authorId).name.slice(0, 200)],
            });
            items.push({ draftId: d.id, itemId: created.ok ? created.value : null });
          }
        });
        return items;
      });
      if (written === null) return fail("not-found", "That lane is not on the board.");
      const at = ctx.now().toISOString();
      await storage.markDraftsRevealed(workshop.id, written, at);
      let next: StoredWorkshop = workshop;
      if (workshop.agenda[workshop.step]?.kind === "draft") {
        next = { ...workshop, agenda: workshop.agenda.map((s, i) => (i === workshop.step ? { ...s, revealedAt: at } : s)) };
        await storage.saveWorkshop(next);
      }
      const itemIds = written.map((w) => w.itemId).filter((id): id is string => id !== null);
      return ok({ workshop: await changed(actor, role, next), itemIds });
    }),
  };
}
