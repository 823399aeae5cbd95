import { z } from "zod";
import { appServices } from "../../../lib/protocol/appServices";
import { authGuards, waitInWords } from "../../../lib/protocol/authGuards";
import { CLIENT_ADDRESS_HEADER } from "../../../lib/protocol/sync";
import { crossSiteRefusal, errorResponse, parseBody, respond } from "../../_http/respond";

const signUpSchema = z.object({ email: z.string().max(320), name: z.string().max(200), password: z.string().max(500) }).strict();

/**
 * Creates an account (the form then signs in through next-auth). 201 `{ status: "accepted" }`
 * for a new address and for one that already has an account alike (its owner is mailed).
 */
export async function POST(request: Request): Promise<Response> {
  const refusal = crossSiteRefusal(request);
  if (refusal) return refusal;
  // Per client address (set by the server from the socket, or a trusted proxy): one client
  // cannot mint accounts by the thousand, nor probe which addresses have one.
  const limit = await authGuards().beginSignUp(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
  if (!limit.ok) return tooManySignUps(limit.retryAfterMs);
  const input = await parseBody(request, signUpSchema);
  if (input instanceof Response) return input;
  return respond(await appServices().signUp(input), 201);
}

function tooManySignUps(retryAfterMs: number): Response {
  const response = errorResponse(429, `Too many sign-ups from your network; wait ${waitInWords(retryAfterMs)} and try again.`);
  response.headers.set("Retry-After", String(Math.ceil(retryAfterMs / 1000)));
  return response;
}
