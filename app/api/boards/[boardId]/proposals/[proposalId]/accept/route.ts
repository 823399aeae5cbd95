import { acceptInputSchema } from "../../../../../../../lib/protocol/proposals";
import { answerRoute } from "../../proposalRoute";

/** Accepts an open proposal (the lane's answerers): the server applies it as one change; a stale one needs acknowledgeStale (409 otherwise). */
export const POST = answerRoute("acceptProposal", acceptInputSchema);
