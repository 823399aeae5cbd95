import { counterInputSchema } from "../../../../../../../lib/protocol/proposals";
import { answerRoute } from "../../proposalRoute";

/** Counters an open proposal with a new one from the answerer (the lane's answerers): 201 with the new proposal. */
export const POST = answerRoute("counterProposal", counterInputSchema, 201);
