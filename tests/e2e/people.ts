import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** Someone with an account: what they type into the sign-in form. */
export interface Account {
  email: string;
  name: string;
  password: string;
}

/** The accounts the server seeds on first start, one per role on the demo board. */
export const DEMO_PASSWORD = "waymark-demo";
export const DEMO = {
  owner: { email: "ana@demo.waymark.dev", name: "Ana Owner", password: DEMO_PASSWORD },
  editor: { email: "ben@demo.waymark.dev", name: "Ben Editor", password: DEMO_PASSWORD },
  commenter: { email: "chen@demo.waymark.dev", name: "Chen Commenter", password: DEMO_PASSWORD },
  viewer: { email: "dev@demo.waymark.dev", name: "Dev Viewer", password: DEMO_PASSWORD },
} satisfies Record<string, Account>;

let made = 0;

/** Every account the tests know the password of, so an invitation can be accepted on its owner's behalf. */
const passwords = new Map<string, string>(Object.values(DEMO).map((a) => [a.email, a.password]));

/** A new person nobody has seen: a unique email per call, so tests never share accounts. */
export function freshAccount(name: string): Account {
  const tag = `${Date.now().toString(36)}${(made++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const account = { name, email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag}@e2e.waymark.dev`, password: `pw-${tag}-long-enough` };
  passwords.set(account.email, account.password);
  return account;
}

/** The server under test's origin, read off a response (the request contexts do not expose their base URL). */
const originOf = (url: string) => new URL(url).origin;

/** Runs `fn` with a request context of its own signed in as `account`, leaving the caller's cookies alone. */
async function asSomeoneElse<T>(origin: string, account: Pick<Account, "email" | "password">, fn: (request: APIRequestContext) => Promise<T>): Promise<T> {
  const context = await playwrightRequest.newContext({ baseURL: origin });
  try {
    await signIn(context, account);
    return await fn(context);
  } finally {
    await context.dispose();
  }
}

/**
 * Creates the account through the public sign-up route; returns its user id. The route answers
 * the same for new and taken addresses (no id), so the id is read from a session of its own.
 */
export async function signUp(request: APIRequestContext, account: Account): Promise<string> {
  const response = await request.post("/api/signup", { data: account });
  expect(response.status(), await response.text()).toBe(201);
  expect(await response.json()).toEqual({ status: "accepted" });
  passwords.set(account.email, account.password);
  return asSomeoneElse(originOf(response.url()), account, async (own) => {
    const session = (await (await own.get("/api/auth/session")).json()) as { user?: { id?: string } };
    expect(session.user?.id, `no user id in the session of ${account.email}`).toBeTruthy();
    return session.user!.id!;
  });
}

/**
 * Where the server under test writes mail (playwright.config.ts's data folder; no SMTP server is
 * configured). WAYMARK_E2E_OUTBOX points elsewhere, e.g. `data/outbox` for a server started with
 * `npm start` (WAYMARK_E2E_URL, bench:presence).
 */
const outbox = () => process.env.WAYMARK_E2E_OUTBOX ?? join(".e2e-data", "outbox");

/**
 * The newest invitation link mailed to `email` after `since` (an ISO time), waiting for the mail
 * to be written (it is sent after the request that caused it answered).
 */
export async function invitationLinkFor(email: string, since: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      () => {
        let names: string[];
        try {
          names = readdirSync(outbox()).sort().reverse();
        } catch {
          return false; // No mail written yet.
        }
        for (const name of names) {
          if (!name.endsWith(".json")) continue;
          let mail: { to: string; text: string; sentAt: string };
          try {
            mail = JSON.parse(readFileSync(join(outbox(), name), "utf8")) as typeof mail;
          } catch {
            continue; // Pruned between the listing and the read.
          }
          if (mail.to !== email || mail.sentAt < since) continue;
          link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
          if (link) return true;
        }
        return false;
      },
      { message: `an invitation mail to ${email} in ${outbox()}`, timeout: 5_000 },
    )
    .toBe(true);
  return link!;
}

/**
 * Signs a request context in the way a browser form does: next-auth's CSRF token, then the
 * credentials callback, form-encoded. The session cookie lands in the context's cookie jar
 * (shared with its pages when the context belongs to a browser context).
 */
export async function signIn(request: APIRequestContext, account: Pick<Account, "email" | "password">): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
  });
  expect(response.ok(), `sign-in of ${account.email} answered HTTP ${response.status()}`).toBe(true);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `no session for ${account.email}`).toBe(account.email);
}

/**
 * A laptop of its own: a browser context (own cookies, own socket) whose pages record any
 * Content-Security-Policy violation, so every test doubles as a check that the headers do not
 * break the app (see expectNoCspViolations).
 */
export async function laptop(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return context;
}

/** A person at their own laptop, signed in. */
export async function personAt(browser: Browser, account: Account): Promise<Page> {
  const context = await laptop(browser);
  await signIn(context.request, account);
  return context.newPage();
}

/** Someone new: signs up a fresh account and opens a signed-in browser for them. */
export async function newPerson(browser: Browser, name: string): Promise<{ page: Page; account: Account; id: string }> {
  const account = freshAccount(name);
  const context = await laptop(browser);
  const id = await signUp(context.request, account);
  await signIn(context.request, account);
  return { page: await context.newPage(), account, id };
}

/** Creates a board as whoever `request` is signed in as. */
export async function createBoard(request: APIRequestContext, title: string): Promise<{ id: string; title: string }> {
  const response = await request.post("/api/boards", { data: { title } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { board: { id: string; title: string } }).board;
}

/**
 * The owner (`request`) adds someone to a board with a role, the way it really happens: an
 * invitation is mailed (to the outbox), and the invitee, signed in on a context of their own,
 * accepts it with the link's secret.
 */
export async function addMember(request: APIRequestContext, boardId: string, email: string, role: string): Promise<void> {
  const since = new Date().toISOString();
  const response = await request.post(`/api/boards/${boardId}/members`, { data: { email, role } });
  expect(response.status(), await response.text()).toBe(201);
  expect(await response.json()).toEqual({ status: "invited" });
  const password = passwords.get(email);
  if (!password) throw new Error(`addMember: no known password for ${email} (create it with freshAccount)`);
  const secret = new URL(await invitationLinkFor(email, since)).pathname.split("/").pop()!;
  await asSomeoneElse(originOf(response.url()), { email, password }, async (own) => {
    const accepted = await own.post(`/api/invitations/${secret}`);
    expect(accepted.status(), await accepted.text()).toBe(200);
  });
}

/** Opens a board and waits until it is synced and drawn (not the loading placeholder). */
export async function openBoard(page: Page, boardPath: string): Promise<void> {
  await page.goto(boardPath);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByTestId("timeline")).toBeVisible();
}

/**
 * An item's bar on the timeline by title (not its chip in the unscheduled tray). A bar's
 * accessible name is "title, dates, status" (e.g. "Pilot signage, Mar 1 to Mar 5, Planned").
 */
export function barNamed(page: Page, title: string) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByTestId("item-bar").and(page.getByRole("button", { name: new RegExp(`^${escaped}, \\w{3,4} \\d{1,2} to `) }));
}

/** No Content-Security-Policy violation happened in this page (pages of `laptop` contexts). */
export async function expectNoCspViolations(page: Page): Promise<void> {
  const seen = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
  expect(seen, "Content-Security-Policy violations").toEqual([]);
}
