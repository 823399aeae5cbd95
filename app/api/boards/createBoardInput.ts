import { z } from "zod";

/** The body of POST /api/boards. The title limit matches the board settings schema. */
export const createBoardInputSchema = z
  .object({
    title: z
      .string({ error: "must be a string" })
      .trim()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters"),
  })
  .strict();

export type CreateBoardInput = z.infer<typeof createBoardInputSchema>;

/** One readable sentence out of zod issues, for a 422 body. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}
