import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "../../app/_auth/authOptions";
import { newUserId } from "../../lib/model/ids";
import { CLIENT_ADDRESS_HEADER } from "../../lib/protocol/sync";
import { hashPassword } from "../../server/auth/passwords";
import type { ServerConfig } from "../../server/config";
import { removeDataDir, startTestServer, type TestServer } from "../helpers/testServer";

type Authorize = (credentials: Record<string, string>, req: { headers: IncomingMessage["headers"] }) => Promise<{ id: string } | null>;
const provider = authOptions.providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
const authorize = provider.options.authorize;

/**
 * Stands in for Next.js: what the credentials provider's `authorize` decides for a request as
 * it reaches the web app (after the server has set, or not, the client address), and what
 * headers the web app sees.
 */
const web = {
  async handle(req: IncomingMessage, res: ServerResponse) {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    const seen = { clientAddress: req.headers[CLIENT_ADDRESS_HEADER], forwardedHost: req.headers["x-forwarded-host"] ?? null, forwardedFor: req.headers["x-forwarded-for"] ?? null };
    if (req.url === "/headers") return void res.end(JSON.stringify(seen));
    try {
      const user = await authorize(JSON.parse(body) as Record<string, string>, { headers: req.headers });
      res.statusCode = user ? 200 : 401;
      res.end(JSON.stringify({ user, ...seen }));
    } catch (error) {
      res.statusCode = 429;
      res.end(JSON.stringify({ error: (error as Error).message }));
    }
  },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  if (server) removeDataDir(server.dataDir);
  server = undefined;
});

async function withAna(config: Partial<ServerConfig> = {}) {
  server = await startTestServer(config, undefined, undefined, web);
  const id = newUserId();
  await server.store.createUser({ id, email: "ana@team.test", name: "Ana", passwordHash: await hashPassword("the right one") });
  const signIn = (password: string, headers: Record<string, string> = {}) =>
    fetch(`${server!.url}/signin`, { method: "POST", headers, body: JSON.stringify({ email: "ana@team.test", password }) });
  return { id, signIn };
}

describe("sign-in through the server: the limit's key is the socket's address unless a trusted proxy says otherwise", () => {
  it("forged X-Forwarded-For and client-address headers do not give a guesser fresh keys", async () => {
    const { signIn } = await withAna();
    for (let i = 0; i < 5; i++) {
      const res = await signIn(`guess ${i}`, { "x-forwarded-for": `10.0.0.${i}`, [CLIENT_ADDRESS_HEADER]: `10.1.0.${i}` });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { clientAddress: string }).clientAddress).toBe("127.0.0.1");
    }
    const refused = await signIn("the right one", { "x-forwarded-for": "10.0.0.99" });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: string }).error).toBe("Too many sign-in attempts; wait 1 second and try again.");
  });

  it("behind a trusted proxy, the address the proxy appended is the key: a guess from another client does not slow Ana down", async () => {
    const { signIn } = await withAna({ trustProxy: true });
    // The guesser's own claim comes first; the proxy appends what it saw.
    for (let i = 0; i < 7; i++) await signIn(`guess ${i}`, { "x-forwarded-for": `203.0.113.9, 198.51.100.66` });
    expect((await signIn("guess", { "x-forwarded-for": "203.0.113.9, 198.51.100.66" })).status).toBe(429);
    const ana = await signIn("the right one", { "x-forwarded-for": "203.0.113.9" });
    expect(ana.status).toBe(200);
    expect(((await ana.json()) as { clientAddress: string }).clientAddress).toBe("203.0.113.9");
  });

  it("a success forgives the pair's failures", async () => {
    const { signIn } = await withAna();
    for (let i = 0; i < 4; i++) expect((await signIn(`guess ${i}`)).status).toBe(401);
    expect((await signIn("the right one")).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(`typo ${i}`)).status).toBe(401);
  });
});

describe("forwarded headers reach the web app only from a trusted proxy", () => {
  it.each([
    [false, { clientAddress: "127.0.0.1", forwardedHost: null, forwardedFor: null }],
    [true, { clientAddress: "198.51.100.2", forwardedHost: "roadmaps.example", forwardedFor: "198.51.100.2" }],
  ])("WAYMARK_TRUST_PROXY=%s", async (trustProxy, expected) => {
    server = await startTestServer({ trustProxy }, undefined, undefined, web);
    const res = await fetch(`${server.url}/headers`, { headers: { "x-forwarded-host": "roadmaps.example", "x-forwarded-for": "198.51.100.2", [CLIENT_ADDRESS_HEADER]: "10.9.9.9" } });
    expect(await res.json()).toEqual(expected);
  });
});
