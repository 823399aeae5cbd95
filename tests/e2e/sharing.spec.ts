import { expect, test } from "@playwright/test";
import { barNamed, createBoard, expectNoCspViolations, laptop, newPerson, openBoard } from "./people";

const LIVE = { timeout: 1_000 };

test("a view-only link: a guest without an account follows the board live; revoking it cuts them off", async ({ browser }) => {
  const { page: owner } = await newPerson(browser, "Olive Owner");
  const board = await createBoard(owner.context().request, "Open house");
  await owner.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await openBoard(owner, `/boards/${board.id}`);

  // The owner makes a link and copies it.
  await owner.getByRole("button", { name: "Share" }).click();
  const dialog = owner.getByTestId("share-dialog");
  await expect(dialog.getByText("No one can open this board through a link right now.")).toBeVisible();
  await dialog.getByRole("button", { name: "Create view-only link" }).click();
  const url = await dialog.getByTestId("share-url").inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/share\/[A-Za-z0-9_-]{32}$/);
  await dialog.getByRole("button", { name: "Copy link" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(dialog.getByTestId("share-link")).toHaveCount(1);
  await owner.keyboard.press("Escape");

  // A guest, never signed in, opens it: read-only, live.
  const guest = await (await laptop(browser)).newPage();
  await guest.goto(url);
  await expect(guest.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(guest.getByTestId("read-only-banner")).toContainText("View only — you opened a share link");
  await expect(guest.getByRole("button", { name: "Members" })).toHaveCount(0);
  await expect(guest.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(owner.getByTestId("presence-peer")).toHaveAttribute("data-name", "Guest");
  await expect(owner.getByTestId("presence-peer")).toHaveAttribute("data-read-only", "true");

  await owner.getByRole("button", { name: "Add item" }).click();
  await owner.getByLabel("Title", { exact: true }).fill("Visitor day");
  await owner.getByLabel("Title", { exact: true }).press("Enter");
  await expect(barNamed(guest, "Visitor day")).toBeVisible(LIVE);
  await expect(barNamed(guest, "Visitor day")).toHaveAttribute("data-draggable", "false");

  // The owner revokes the link: the open guest page is disconnected at once...
  await owner.getByRole("button", { name: "Share" }).click();
  await dialog.getByTestId("share-link").getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByTestId("share-link")).toHaveCount(0);
  await expect(guest.getByTestId("link-ended")).toContainText("This share link no longer works", LIVE);
  // ...its token can no longer be refreshed, and the link itself is gone.
  const secret = new URL(url).pathname.split("/").pop()!;
  expect((await guest.request.post(`/api/share/${secret}/token`)).status()).toBe(404);
  const reopened = await guest.goto(url);
  expect(reopened?.status()).toBe(404);
  await expect(guest.getByText("This share link does not work")).toBeVisible();

  await expectNoCspViolations(owner);
  await owner.context().close();
  await guest.context().close();
});
