import { expect, test, type Page } from "@playwright/test";
import { updateItem } from "../../lib/model/itemCommands";
import type { ItemId } from "../../lib/model/ids";
import { createOrigin } from "../../lib/model/origin";
import { createBoard, laptop, newPerson } from "./people";
import { rawWrite, seedItems } from "./seedBoard";

// The machine these run on is shared; a slow page load is not what is under test.
test.describe.configure({ timeout: 150_000 });

/**
 * Everyone who can see a board can see its versions: a guest on a share link reads the versions
 * (without who saved them), the baseline drawn on the timeline, and hears of a new baseline
 * live; writes stay closed to them, and the link's secret opens its own board only.
 */

const LIVE = { timeout: 8_000 };

/** The Versions toggle stands in the toolbar on the widest screens, in its "⋯" menu below. */
async function openVersions(page: Page) {
  const inline = page.getByRole("button", { name: "Versions", exact: true });
  if (await inline.isVisible()) await inline.click();
  else {
    await page.getByTestId("toolbar-more").click();
    await page.getByRole("menuitemradio", { name: "Versions" }).click();
  }
  await expect(page.getByTestId("versions-panel")).toBeVisible();
}

/** A request from the guest's own page (its cookies, none), with or without the link's secret. */
async function guestFetch(page: Page, method: string, path: string, secret: string | null, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, secret, body }) => {
      const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
      if (secret) headers["x-waymark-share"] = secret;
      const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return response.status;
    },
    { method, path, secret, body },
  );
}

test("a guest on a share link sees the versions and the baseline, hears of a new baseline live, and can change nothing", async ({ browser, baseURL }) => {
  const { page: owner } = await newPerson(browser, "Vera Versions");
  const request = owner.context().request;
  const board = await createBoard(request, "Guest sees the plan");
  const other = await createBoard(request, "Another board");
  const ids = await seedItems(request, baseURL!, board.id, [{ title: "Discovery", lane: "Service design", startOffset: 0, duration: 5 }]);
  const saved = await request.post(`/api/boards/${board.id}/versions`, { data: { name: "Workshop plan" } });
  expect(saved.status(), await saved.text()).toBe(201);
  const versionId = ((await saved.json()) as { version: { id: string } }).version.id;
  const link = (await (await request.post(`/api/boards/${board.id}/share-links`)).json()) as { id: string; path: string };
  const secret = decodeURIComponent(link.path.split("/").pop()!);

  const guest = await (await laptop(browser)).newPage();
  const events: string[] = [];
  guest.on("request", (r) => {
    if (new URL(r.url()).pathname === "/events") events.push(r.url());
  });
  await guest.goto(link.path);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  // The list, read-only and without who saved what.
  await openVersions(guest);
  const panel = guest.getByTestId("versions-panel");
  const row = panel.getByTestId("version-row").filter({ hasText: "Workshop plan" });
  await expect(row).toBeVisible();
  await expect(panel).not.toContainText("Vera Versions");
  await expect(panel.getByRole("button", { name: "Save version" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Set as baseline" })).toHaveCount(0);
  await guest.screenshot({ path: "test-results/guest-versions.png" });

  // Work slips; the owner makes the saved plan the baseline: the guest's timeline shows the ghost live.
  const discovery = ids.get("Discovery")! as ItemId;
  await rawWrite(
    request,
    baseURL!,
    board.id,
    (doc) => updateItem(doc, createOrigin("import", "e2e"), discovery, { duration: 15 }),
    (snap) => snap.items.some((i) => i.id === discovery && i.duration === 15),
  );
  expect((await request.put(`/api/boards/${board.id}/baseline`, { data: { versionId } })).status()).toBe(200);
  await expect(guest.getByTestId("baseline-ghost")).toHaveCount(1, LIVE);
  await guest.screenshot({ path: "test-results/guest-baseline.png" });
  // The live notices came through the guest's own stream, opened with the link.
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((url) => new URL(url).searchParams.get("share") === secret)).toBe(true);

  // The routes: reads with the secret, nothing without it, nothing on another board, no writes.
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/versions`, secret)).toBe(200);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/versions/${versionId}`, secret)).toBe(200);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/compare?from=${versionId}&to=now`, secret)).toBe(200);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/versions`, null)).toBe(401);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/versions`, "not-the-secret-of-any-link")).toBe(401);
  expect(await guestFetch(guest, "GET", `/api/boards/${other.id}/versions`, secret)).toBe(404);
  expect(await guestFetch(guest, "POST", `/api/boards/${board.id}/versions`, secret, { name: "Guest's" })).toBe(401);
  expect(await guestFetch(guest, "PUT", `/api/boards/${board.id}/baseline`, secret, { versionId: null })).toBe(401);
  expect(await guestFetch(guest, "POST", `/api/boards/${board.id}/versions/${versionId}/restore`, secret, {})).toBe(401);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/threads`, secret)).toBe(401);
  const listed = (await guest.evaluate(
    async ({ path, secret }) => (await fetch(path, { headers: { "x-waymark-share": secret } })).json(),
    { path: `/api/boards/${board.id}/versions`, secret },
  )) as { versions: { authorId: unknown; authorName: unknown }[] };
  expect(listed.versions.every((v) => v.authorId === null && v.authorName === null)).toBe(true);

  // The replay: the versions as steps (who changed what is for members: the guest gets no names).
  await guest.getByTestId("versions-panel").getByRole("button", { name: "Replay history" }).click();
  const history = guest.getByTestId("history-panel");
  await expect(history.getByTestId("history-step").filter({ hasText: "Workshop plan" })).toBeVisible();
  await expect(guest.getByTestId("replay-banner")).toContainText("Viewing the board as it was");
  await expect(guest.getByTestId("past-board").getByText("Discovery").first()).toBeVisible();
  await expect(history.getByTestId("history-step").filter({ hasText: "A member" })).toBeVisible();
  await expect(history.getByRole("alert")).toHaveCount(0);
  await guest.screenshot({ path: "test-results/guest-replay.png" });

  // Revoked: the secret opens nothing any more.
  expect((await request.delete(`/api/boards/${board.id}/share-links/${link.id}`)).status()).toBe(204);
  await expect(guest.getByTestId("link-ended")).toBeVisible(LIVE);
  expect(await guestFetch(guest, "GET", `/api/boards/${board.id}/versions`, secret)).toBe(401);
  await owner.context().close();
  await guest.context().close();
});
