import { declineInputSchema } from "../../../../../../../lib/protocol/proposals";
import { answerRoute } from "../../proposalRoute";

/** Declines an open proposal with a note (the lane's answerers). */
export const POST = answerRoute("declineProposal", declineInputSchema);
