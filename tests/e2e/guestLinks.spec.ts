import { expect, test, type Page } from "@playwright/test";
import { createBoard, expectNoCspViolations, laptop, newPerson } from "./people";

// The machine these run on is shared; a slow page load is not what is under test.
test.describe.configure({ timeout: 120_000 });

/**
 * What a guest on a share link sees when the link stops working, and what their page asks the
 * server for meanwhile. Guests have no inbox and cannot read comments; their page listens to
 * the board's live notices (versions, the baseline, a workshop) with the link's secret, and stops
 * once the link is revoked.
 */

/** Every request the page makes to the live-notice stream. */
function eventStreamRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/events") seen.push(request.url());
  });
  return seen;
}

test("a guest whose link is revoked is told the link no longer works, and the page stops trying", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Greta Guestlinks");
  const board = await createBoard(owner.context().request, "Guest open day");
  const link = (await (await owner.context().request.post(`/api/boards/${board.id}/share-links`)).json()) as { id: string; path: string };

  const guest = await (await laptop(browser)).newPage();
  const events = eventStreamRequests(guest);
  const sockets: string[] = [];
  guest.on("websocket", (ws) => sockets.push(ws.url()));
  await guest.goto(link.path);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(guest.getByTestId("read-only-banner")).toContainText("You see every change live");
  // The board's notices, asked for with the link (a guest has no session).
  await expect.poll(() => events.length).toBeGreaterThan(0);
  expect(events.every((url) => new URL(url).searchParams.has("share")), "a guest page asked for /events without its link").toBe(true);

  // The owner revokes the link while the guest has the board open.
  expect((await owner.context().request.delete(`/api/boards/${board.id}/share-links/${link.id}`)).status()).toBe(204);
  const notice = guest.getByTestId("link-ended");
  await expect(notice).toBeVisible({ timeout: 2_000 });
  await expect(notice.getByRole("heading")).toHaveText("This share link no longer works");
  await expect(notice).toContainText("Ask the person who shared it for a new link");
  // Nothing promises a live board any more, and the board's content is no longer shown.
  await expect(guest.getByText("You see every change live")).toHaveCount(0);
  await expect(guest.getByTestId("read-only-banner")).toHaveCount(0);
  await expect(guest.getByTestId("timeline")).toHaveCount(0);
  await expect(notice.getByRole("link", { name: "Sign in to Waymark" })).toBeVisible();

  // Final: no new socket is opened and no notice stream is asked for.
  const socketsAtRevoke = sockets.length;
  const eventsAtRevoke = events.length;
  await guest.waitForTimeout(3_000);
  expect(sockets.length).toBe(socketsAtRevoke);
  expect(events.length).toBe(eventsAtRevoke);
  await guest.screenshot({ path: "test-results/guest-link-revoked.png" });

  await expectNoCspViolations(guest);
  await owner.context().close();
  await guest.context().close();
});

test("a guest who comes back after the link was revoked while they were away is told so, without retrying forever", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Gus Guestlinks");
  const board = await createBoard(owner.context().request, "Guest away day");
  const link = (await (await owner.context().request.post(`/api/boards/${board.id}/share-links`)).json()) as { id: string; path: string };

  const context = await laptop(browser);
  const guest = await context.newPage();
  await guest.goto(link.path);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  // The laptop goes offline; meanwhile the link is revoked; then the network comes back.
  await context.setOffline(true);
  await expect(guest.getByTestId("connection-status")).not.toHaveAttribute("data-status", "connected");
  expect((await owner.context().request.delete(`/api/boards/${board.id}/share-links/${link.id}`)).status()).toBe(204);
  const attempts: string[] = [];
  guest.on("websocket", (ws) => attempts.push(ws.url()));
  await context.setOffline(false);

  // The reconnect is refused before the socket opens, so only the token refresh can tell: it does.
  await expect(guest.getByTestId("link-ended")).toBeVisible({ timeout: 20_000 });
  const after = attempts.length;
  await guest.waitForTimeout(4_000);
  expect(attempts.length, "the page kept reconnecting after the link ended").toBe(after);
  await owner.context().close();
  await context.close();
});
