import { z } from "zod";

/** What POST /api/boards takes as `template` (lib/protocol/templates.ts says what it names). */
export const templateRefSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

/** The body of POST /api/boards/<id>/save-as-template. */
export const saveTemplateInputSchema = z
  .object({
    name: z.string().trim().min(1, "name must not be empty").max(120, "name is at most 120 characters"),
  })
  .strict();
