import { BOARD_DEFAULTS, ITEM_DEFAULTS } from "../../../lib/model/defaults";
import { date, type DateString } from "../../../lib/model/dates";
import type { DependencyId, ItemId, LaneId, MilestoneId, PhaseId } from "../../../lib/model/ids";
import type { BoardSettings, Dependency, Item, Lane, Milestone, Phase } from "../../../lib/model/schemas";
import type { BoardSnapshot } from "../../../lib/model/snapshot";

/**
 * Plain snapshots for derive tests, written the way the rules are stated: items named by
 * short ids ("A", "B"), dates as literals, links as [from, to, lag]. No Y.Doc, so a test reads
 * as its rule and fails only on the derivation.
 */
export interface ItemSpec {
  start?: string | null;
  duration?: number;
  lane?: string | null;
  phase?: string | null;
  deadline?: string | null;
  owners?: string[];
  effort?: number;
  title?: string;
}

export class BoardBuilder {
  private settings: BoardSettings = { ...BOARD_DEFAULTS, horizonStart: date("2027-01-04") };
  private readonly items: Item[] = [];
  private readonly deps: Dependency[] = [];
  private readonly lanes: Lane[] = [];
  private readonly phases: Phase[] = [];
  private readonly milestones: Milestone[] = [];

  board(patch: Partial<BoardSettings>): this {
    this.settings = { ...this.settings, ...patch };
    return this;
  }

  item(id: string, spec: ItemSpec = {}): this {
    this.items.push({
      ...ITEM_DEFAULTS,
      id: id as ItemId,
      title: spec.title ?? id,
      start: spec.start === undefined || spec.start === null ? null : date(spec.start),
      duration: spec.duration ?? 1,
      laneId: (spec.lane ?? null) as LaneId | null,
      phaseId: (spec.phase ?? null) as PhaseId | null,
      deadlineMilestoneId: (spec.deadline ?? null) as MilestoneId | null,
      owners: spec.owners ?? [],
      effort: spec.effort ?? 0,
    });
    return this;
  }

  /** A finish-to-start link; its id is "d-from-to" unless given. */
  link(from: string, to: string, lag = 0, id?: string): this {
    this.deps.push({ id: (id ?? `d-${from}-${to}`) as DependencyId, fromId: from as ItemId, toId: to as ItemId, lag });
    return this;
  }

  /** A chain of links with lag 0: chain("A", "B", "C") is A→B→C. */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.link(ids[i - 1]!, ids[i]!);
    return this;
  }

  lane(id: string, capacity = 0): this {
    this.lanes.push({ id: id as LaneId, name: id, color: "#123456", order: this.lanes.length, capacity });
    return this;
  }

  phase(id: string, milestone: string | null = null): this {
    this.phases.push({ id: id as PhaseId, name: id, order: this.phases.length, milestoneId: milestone as MilestoneId | null });
    return this;
  }

  milestone(id: string, on: string, kind: Milestone["kind"] = "deadline"): this {
    this.milestones.push({ id: id as MilestoneId, title: id, date: date(on), kind });
    return this;
  }

  /** The snapshot, with arrays sorted as readSnapshot sorts them. */
  snapshot(): BoardSnapshot {
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      board: this.settings,
      lanes: [...this.lanes],
      phases: [...this.phases],
      items: byId(this.items),
      dependencies: byId(this.deps),
      milestones: byId(this.milestones),
      problems: [],
    };
  }
}

export const board = () => new BoardBuilder();
export const d = (s: string): DateString => date(s);
