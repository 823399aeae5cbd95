import { z } from "zod";
import { dateStringSchema } from "./dates";
import {
  dependencyIdSchema,
  itemIdSchema,
  laneIdSchema,
  milestoneIdSchema,
  phaseIdSchema,
} from "./ids";

/**
 * One schema per record. The TypeScript types come from these, and every read of a Y.Map into
 * a snapshot goes through them, so a peer that writes junk cannot corrupt what others derive.
 * What the records mean: docs/board-document.md.
 */

export const TIME_SCALES = ["weeks", "months", "quarters"] as const;
export const timeScaleSchema = z.enum(TIME_SCALES);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekdaySchema = z.number().int().min(1).max(7);

export const boardSettingsSchema = z.object({
  title: z.string().max(200),
  goal: z.string().max(20_000),
  horizonStart: dateStringSchema,
  horizonEnd: dateStringSchema,
  workingDays: z.array(isoWeekdaySchema).max(7),
  holidays: z.array(dateStringSchema).max(2_000),
  timeScale: timeScaleSchema,
});

export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");

export const laneSchema = z.object({
  id: laneIdSchema,
  name: z.string().max(200),
  color: colorSchema,
  /** Sort key; ties (concurrent reorders) are broken by id so every replica agrees. */
  order: z.number().finite(),
  /** Effort the lane can absorb per working day (people, roughly); 0 = no limit declared. */
  capacity: z.number().finite().min(0),
});

export const phaseSchema = z.object({
  id: phaseIdSchema,
  name: z.string().max(200),
  order: z.number().finite(),
  /** The release milestone the phase ends in, if any. */
  milestoneId: milestoneIdSchema.nullable(),
});

export const ITEM_STATUSES = ["planned", "in_progress", "done", "at_risk"] as const;
export const itemStatusSchema = z.enum(ITEM_STATUSES);

export const PRIORITIES = ["must", "should", "could", "wont"] as const;
export const prioritySchema = z.enum(PRIORITIES);

export const linkSchema = z.object({
  url: z.string().url().max(2_000),
  title: z.string().max(200),
});

export const itemSchema = z.object({
  id: itemIdSchema,
  title: z.string().max(500),
  laneId: laneIdSchema.nullable(),
  phaseId: phaseIdSchema.nullable(),
  /** Pinned start; null means "schedule me after my dependencies". */
  start: dateStringSchema.nullable(),
  /**
   * Working days, inclusive of start. Any integer is kept (concurrent or foreign edits can write
   * 0 or less); the derive layer reports durations under 1 as invalid rather than hiding them.
   */
  duration: z.number().int(),
  effort: z.number().finite().min(0),
  owners: z.array(z.string().max(200)).max(50),
  status: itemStatusSchema,
  priority: prioritySchema,
  tags: z.array(z.string().max(50)).max(50),
  links: z.array(linkSchema).max(50),
  deadlineMilestoneId: milestoneIdSchema.nullable(),
  /**
   * Position among the cards of its phase on the phase board (see cardOrder.ts), written only by
   * moveCard. Absent until someone places the card: such cards sort after the placed ones.
   */
  order: z.number().finite().optional(),
});

export const dependencySchema = z.object({
  id: dependencyIdSchema,
  /** Predecessor: must finish first. */
  fromId: itemIdSchema,
  /** Successor. */
  toId: itemIdSchema,
  /** Working days between the predecessor's finish and the successor's start; negative = lead. */
  lag: z.number().int(),
});

export const MILESTONE_KINDS = ["release", "deadline", "pilot_start", "go_live", "launch_event"] as const;
export const milestoneKindSchema = z.enum(MILESTONE_KINDS);

export const milestoneSchema = z.object({
  id: milestoneIdSchema,
  title: z.string().max(200),
  date: dateStringSchema,
  kind: milestoneKindSchema,
});

export type TimeScale = z.infer<typeof timeScaleSchema>;
export type BoardSettings = z.infer<typeof boardSettingsSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type ItemStatus = z.infer<typeof itemStatusSchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type Link = z.infer<typeof linkSchema>;
export type Item = z.infer<typeof itemSchema>;
export type Dependency = z.infer<typeof dependencySchema>;
export type MilestoneKind = z.infer<typeof milestoneKindSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
