/**
 * Templates and calendar feeds as the browser and the API see them (issue 18). A template is
 * named by a string: "empty", a built-in id (lib/model/templates/gallery.ts) or "user:<id>"
 * for a template of one's own. No zod here: the browser imports this (zod's start-up probe of
 * eval would break the Content-Security-Policy); the schemas are in templateSchemas.ts.
 */
export const EMPTY_TEMPLATE = "empty";
export const USER_TEMPLATE_PREFIX = "user:";

export interface TemplateCard {
  /** What POST /api/boards takes as `template`. */
  id: string;
  name: string;
  summary: string;
}

export interface TemplateGallery {
  builtIn: TemplateCard[];
  /** The actor's own, oldest first. */
  own: (TemplateCard & { createdAt: string })[];
}

export interface CalendarFeedSummary {
  id: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Templates of one's own per person, at most; each at most this many bytes of board file. */
export const TEMPLATE_LIMITS = { perPerson: 50, bytes: 5_000_000 } as const;
/** Live calendar feeds per board, at most (revoked ones do not count). */
export const CALENDAR_FEED_LIMIT = 20;
