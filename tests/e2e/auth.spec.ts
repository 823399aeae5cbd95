import { expect, test } from "@playwright/test";
import { createBoard, expectNoCspViolations, freshAccount, laptop, signIn, signUp } from "./people";

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

test("after ten wrong passwords for one email, sign-in says to wait, even with the right password", async ({ browser, request }) => {
  const account = freshAccount("Toby Target");
  await signUp(request, account);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let i = 0; i < 10; i++) {
    await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: account.email, password: `guess ${i}`, json: "true" } });
  }
  const page = await (await laptop(browser)).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("auth-error")).toHaveText("Too many sign-in attempts; wait ten minutes and try again.");
  await page.context().close();
});

test("security headers: CSP, no framing, no sniffing, a strict referrer policy, on pages and API routes", async ({ request }) => {
  for (const path of ["/signin", "/api/boards"]) {
    const headers = (await request.get(path)).headers();
    const csp = (headers["content-security-policy"] ?? "").split(/;\s*/);
    for (const directive of [
      "default-src 'self'",
      "connect-src 'self' ws: wss:",
      "img-src 'self' data: https:",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self' 'unsafe-inline'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(csp, path).toContain(directive);
    }
    // The production build evaluates nothing: no 'unsafe-eval'.
    expect(csp.join("; ")).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
  }
});

test("next-auth's errors (e.g. a failed GitHub/Google round trip) are worded on the sign-in page", async ({ page }) => {
  await page.goto("/api/auth/error?error=OAuthCallback");
  await expect(page).toHaveURL(/\/signin\?.*error=OAuthCallback/);
  await expect(page.getByTestId("auth-error")).toHaveText("The provider did not complete the sign-in. Try again.");
  // No provider is configured in the tests: no GitHub/Google buttons.
  await expect(page.getByRole("button", { name: /Continue with/ })).toHaveCount(0);
});
