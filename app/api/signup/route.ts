import { z } from "zod";
import { appServices } from "../../../lib/protocol/appServices";
import { crossSiteRefusal, parseBody, respond } from "../../_http/respond";

const signUpSchema = z.object({ email: z.string().max(320), name: z.string().max(200), password: z.string().max(500) }).strict();

/**
 * Creates an account (the form then signs in through next-auth). 201 `{ status: "accepted" }`
 * for a new address and for one that already has an account alike (its owner is mailed).
 */
export async function POST(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  const input = await parseBody(request, signUpSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().signUp(input), 201);
}
