import { expect, test } from "@playwright/test";
import { WebSocket } from "ws";
import { createBoard, expectNoCspViolations, freshAccount, laptop, newPerson, openBoard, signIn, signUp } from "./people";

test("a page that needs a session goes through sign-in and back; mistakes are explained; the user menu signs out", async ({ browser, request }) => {
  const account = freshAccount("Quinn Planner");
  await signUp(request, account);
  await signIn(request, account);
  const board = await createBoard(request, "Quinn's roadmap");

  const page = await (await laptop(browser)).newPage();
  await page.goto(`/boards/${board.id}`);
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/boards/${board.id}`)}`);
  // The way to sign up keeps where the person was going.
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    `/signup?callbackUrl=${encodeURIComponent(`/boards/${board.id}`)}`,
  );

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("auth-error")).toHaveText("Wrong email or password. Check both and try again.");

  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`/boards/${board.id}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("user-menu-name")).toHaveText(account.name);
  await expect(page.getByTestId("user-menu-email")).toHaveText(account.email);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("/signin");
  await page.goto("/");
  await expect(page).toHaveURL("/signin?callbackUrl=%2F");
  await expectNoCspViolations(page);
  await page.context().close();
});

test("sign-up shows the server's reasons, says the same for a taken address and a new one, and ignores a foreign callbackUrl", async ({ browser, request }) => {
  const taken = freshAccount("Riley Taken");
  await signUp(request, taken);
  const page = await (await laptop(browser)).newPage();
  await page.goto(`/signup?callbackUrl=${encodeURIComponent("https://evil.example/phish")}`);
  const fresh = freshAccount("Sky Newcomer");
  await page.getByLabel("Name").fill(fresh.name);
  await page.getByLabel("Email").fill(fresh.email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("auth-error")).toHaveText("Password: must be at least 8 characters.");
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("auth-error")).toContainText("Password: is too easy to guess (This is a");

  // A taken address: the server answers as for a new one; only signing in fails, and the
  // message covers both cases (the address's owner got an email).
  await page.getByLabel("Email").fill(taken.email);
  await page.getByLabel("Password").fill(fresh.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("auth-error")).toContainText("If this address already had a Waymark account, we sent it an email");
  await expect(page.getByTestId("auth-error").getByRole("link", { name: "Go to sign in" })).toHaveAttribute("href", "/signin");

  // Signed in straight after sign-up, and sent home rather than to the foreign site.
  await page.getByLabel("Email").fill(fresh.email);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("/");
  await expect(page.getByTestId("user-menu")).toContainText(fresh.name);
  await expect(page.getByText("No roadmaps yet")).toBeVisible();
  await page.context().close();
});

test("after five wrong passwords from one place, sign-in says how long to wait, then lets the right password in", async ({ browser, request }) => {
  const account = freshAccount("Toby Target");
  await signUp(request, account);
  // The form is filled first, so the click comes straight after the guesses, inside the wait.
  const page = await (await laptop(browser)).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guess = (i: number) =>
    request.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: `guess ${i}`, json: "true" } });
  for (let i = 0; i < 5; i++) await guess(i);
  // The sixth guess waits its second (until it is no longer told to wait), and earns a
  // two-second wait for the next attempt.
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const answer = (await (await guess(5)).json()) as { url?: string };
    if (!decodeURIComponent(answer.url ?? "").includes("Too many")) break;
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  const error = page.getByTestId("auth-error");
  await expect(error).toHaveText(/^Too many sign-in attempts; wait (1 second|2 seconds) and try again\.$/);
  // A wait, not a lockout: after it, the right password gets in.
  await page.waitForTimeout(2_100);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("/");
  await expectNoCspViolations(page);
  await page.context().close();
});

test("signing out ends the session on the server: a copy of the old cookie is refused by API routes and the sync socket", async ({ browser, baseURL }) => {
  const { page, account } = await newPerson(browser, "Uma Leaving");
  const board = await createBoard(page.context().request, "Uma's roadmap");
  await openBoard(page, `/boards/${board.id}`);
  const stolen = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(stolen, "a session cookie").toBeTruthy();
  // Someone else holds a copy of the cookie and an open socket with it.
  const thief = await browser.newContext();
  await thief.addCookies([stolen]);
  expect((await thief.request.get("/api/boards")).status()).toBe(200);
  const wsUrl = `${baseURL!.replace(/^http/, "ws")}/sync/${board.id}`;
  const cookie = `${stolen.name}=${stolen.value}`;
  const socket = new WebSocket(wsUrl, { headers: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const socketClosed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL("/signin");

  expect(await socketClosed).toBe(4401);
  expect((await thief.request.get("/api/boards")).status()).toBe(401);
  const session = (await (await thief.request.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  const refused = await new Promise<number>((resolve) => {
    const again = new WebSocket(wsUrl, { headers: { cookie } });
    again.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    again.once("open", () => resolve(101));
  });
  expect(refused).toBe(401);
  // Signing in again works, with a new session.
  await signIn(page.context().request, account);
  expect((await page.context().request.get("/api/boards")).status()).toBe(200);
  await thief.close();
  await page.context().close();
});

test("security headers: CSP, no framing, no sniffing, a strict referrer policy, on pages and API routes", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/signin", "/signin", "/api/boards"]) {
    const headers = (await request.get(path)).headers();
    const csp = (headers["content-security-policy"] ?? "").split(/;\s*/);
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self' ws: wss:",
      "img-src 'self' data: https:",
      "style-src 'self' 'unsafe-inline'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp, path).toContain(directive);
    }
    // Scripts run only with this response's nonce: no 'unsafe-inline' (which would let an
    // injected inline script run) and, in the production build, no 'unsafe-eval'.
    const scripts = csp.find((d) => d.startsWith("script-src "))!;
    expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
    expect(csp.join("; ")).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    nonces.add(/'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "");
  }
  // A fresh nonce per response: one seen in an old page says nothing about the next.
  expect(nonces.size).toBe(3);
});

test("pages hydrate under the nonce policy: every script of the page carries this response's nonce, and none is refused", async ({ browser }) => {
  const { page } = await newPerson(browser, "Vic Strict");
  const board = await createBoard(page.context().request, "Strict board");
  for (const path of ["/", `/boards/${board.id}`, "/inbox"]) {
    const response = await page.goto(path);
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, path).toBeTruthy();
    // Interactive: the user menu (a client component) opens.
    await page.getByTestId("user-menu").click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await page.keyboard.press("Escape");
    const scripts = await page.evaluate(() => [...document.querySelectorAll("script")].map((s) => s.nonce));
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(new Set(scripts), path).toEqual(new Set([nonce]));
  }
  const anon = await (await laptop(browser)).newPage();
  await anon.goto("/signin");
  await anon.getByLabel("Email").fill("nobody@e2e.waymark.dev");
  await expect(anon.getByLabel("Email")).toHaveValue("nobody@e2e.waymark.dev");
  await expectNoCspViolations(anon);
  await expectNoCspViolations(page);
  await anon.context().close();
  await page.context().close();
});

test("next-auth's errors (e.g. a failed GitHub/Google round trip) are worded on the sign-in page", async ({ page }) => {
  await page.goto("/api/auth/error?error=OAuthCallback");
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthCallback/);
  await expect(page.getByTestId("auth-error")).toHaveText("The provider did not complete the sign-in. Try again.");
  // No provider is configured in the tests: no GitHub/Google buttons.
  await expect(page.getByRole("button", { name: /Continue with/ })).toHaveCount(0);
});
