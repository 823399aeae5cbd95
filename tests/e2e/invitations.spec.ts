import { expect, test } from "@playwright/test";
import { createBoard, freshAccount, invitationLinkFor, laptop, newPerson, signUp, expectNoCspViolations } from "./people";

/**
 * Issue 14, points 6 and 7, end to end: an invitation is a mailed link (here the outbox, as on a
 * server without SMTP); whoever opens it signs up or in and accepts; the link works once.
 */
test("invite by email → link in the outbox → sign up from the link → accept → on the board; the link then stops working", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Ines Inviter");
  const board = await createBoard(owner.context().request, "Hiring plan");
  const hire = freshAccount("Nora Newhire");

  await owner.goto(`/boards/${board.id}`);
  await owner.getByRole("button", { name: "Members" }).click();
  const dialog = owner.getByTestId("members-dialog");
  const since = new Date().toISOString();
  await dialog.getByLabel("Email address to invite").fill(hire.email);
  await dialog.getByLabel("Role", { exact: true }).selectOption("editor");
  await dialog.getByRole("button", { name: "Invite" }).click();
  await expect(dialog.getByTestId("members-notice")).toContainText(`Invitation sent to ${hire.email}`);
  const link = await invitationLinkFor(hire.email, since);
  const path = new URL(link).pathname;

  const page = await (await laptop(browser)).newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Join “Hiring plan”" })).toBeVisible();
  await expect(page.getByText(`Ines Inviter invited ${hire.email} to this roadmap as an editor.`)).toBeVisible();
  await page.screenshot({ path: "test-results/invitation-signed-out.png" });
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill(hire.name);
  await page.getByLabel("Email").fill(hire.email);
  await page.getByLabel("Password").fill(hire.password);
  await page.getByRole("button", { name: "Create account" }).click();

  // Back on the invitation, signed in: nothing happened until the button.
  await page.waitForURL(path);
  await expect(page.getByRole("button", { name: `Accept as ${hire.name}` })).toBeVisible();
  await page.screenshot({ path: "test-results/invitation-signed-in.png" });
  await page.getByRole("button", { name: `Accept as ${hire.name}` }).click();
  await page.waitForURL(`/boards/${board.id}`);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(page.getByRole("button", { name: "Add item" })).toBeVisible();
  await expectNoCspViolations(page);

  // Used once: the link now explains itself, for anyone.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await page.screenshot({ path: "test-results/invitation-used.png" });
  await owner.context().close();
  await page.context().close();
});

test("signing up with an invited address is not enough: without the link there is no board", async ({ browser, request }) => {
  const { page: owner } = await newPerson(browser, "Oscar Owner");
  const board = await createBoard(owner.context().request, "Secret plan");
  const invited = freshAccount("Ivy Invited");
  const answer = await owner.context().request.post(`/api/boards/${board.id}/members`, { data: { email: invited.email, role: "editor" } });
  expect(await answer.json()).toEqual({ status: "invited" });

  // Someone else signs up with that address first (nothing checks they own it).
  await signUp(request, { ...invited, name: "Not Ivy" });
  const squatter = await (await laptop(browser)).newPage();
  await squatter.goto("/signin");
  await squatter.getByLabel("Email").fill(invited.email);
  await squatter.getByLabel("Password").fill(invited.password);
  await squatter.getByRole("button", { name: "Sign in" }).click();
  await squatter.waitForURL("/");
  await expect(squatter.getByText("No roadmaps yet")).toBeVisible();
  expect((await squatter.request.get(`/api/boards/${board.id}/members`)).status()).toBe(404);
  // A made-up link is refused.
  expect((await squatter.request.post(`/api/invitations/${"A".repeat(32)}`)).status()).toBe(404);
  await owner.context().close();
  await squatter.context().close();
});

test("comment mail can be switched off from Settings in the user menu", async ({ browser }) => {
  const { page } = await newPerson(browser, "Mo Mailless");
  await page.goto("/");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await page.waitForURL("/settings");
  const box = page.getByTestId("comment-mail");
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.getByRole("status")).toHaveText("Mentions and replies will no longer be mailed to you.");
  expect(await (await page.request.get("/api/account")).json()).toEqual({ commentMail: false });
  await page.screenshot({ path: "test-results/settings.png" });
  await page.reload();
  await expect(page.getByTestId("comment-mail")).not.toBeChecked();
  await expectNoCspViolations(page);
  await page.context().close();
});
