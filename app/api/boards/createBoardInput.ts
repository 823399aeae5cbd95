import { z } from "zod";
import { templateRefSchema } from "../../../lib/protocol/templateSchemas";

/** The body of POST /api/boards. The title limit matches the board settings schema. */
export const createBoardInputSchema = z
  .object(
    {
      title: z
        .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
        .trim()
        .min(1, "must not be empty")
        .max(200, "must be at most 200 characters"),
      /** "empty", a built-in template's id or "user:<id>" (lib/protocol/templates.ts); the service says which exist. */
      template: templateRefSchema.optional(),
    },
    // Only the "not an object at all" case gets this wording; other issues keep zod's own.
    { error: (issue) => (issue.code === "invalid_type" ? 'body must be a JSON object like {"title": "My roadmap"}' : undefined) },
  )
  .strict();

export type CreateBoardInput = z.infer<typeof createBoardInputSchema>;
