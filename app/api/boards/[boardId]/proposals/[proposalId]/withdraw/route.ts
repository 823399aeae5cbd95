import { z } from "zod";
import { answerRoute } from "../../proposalRoute";

/** Withdraws an open proposal (its author only). */
export const POST = answerRoute("withdrawProposal", z.strictObject({}));
