import { expect, test, type Page } from "@playwright/test";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { createItem } from "../../lib/model/itemCommands";
import { createOrigin } from "../../lib/model/origin";
import { MESSAGE_AUTH, MESSAGE_SYNC } from "../../lib/protocol/sync";
import { barNamed, expectNoCspViolations, freshAccount, invitationLinkFor, laptop, type Account } from "./people";

/** What "live" means to people in a workshop: another person's edit shows up within a second. */
const LIVE = { timeout: 1_000 };

/** Signs up through the form; the form signs in by itself and lands on the home page. */
async function signUpThroughForm(page: Page, account: Account): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByTestId("user-menu")).toContainText(account.name);
}

/**
 * A y-websocket "update" frame, built the way any client builds one: a Yjs update that adds an
 * item (made with the same named command the app uses), wrapped with lib0 in a sync message.
 */
function addItemFrame(title: string): number[] {
  const doc = new Y.Doc();
  const created = createItem(doc, createOrigin("local", "hand-made"), { title, laneId: null, start: null, duration: 5, status: "planned" });
  expect(created.ok).toBe(true);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  return [...encoding.toUint8Array(encoder)];
}

/**
 * From inside the page, opens a raw WebSocket to the board (the browser sends the session
 * cookie, which is what authenticates it), sends one frame, and returns every frame the server
 * sent until `authMessages` y-protocols auth messages arrived (or five seconds passed).
 */
async function sendOverOwnSocket(page: Page, boardId: string, frame: number[], authMessages: number): Promise<number[][]> {
  return page.evaluate(
    async ({ boardId, frame, authMessages, authType }) => {
      const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/sync/${boardId}`);
      ws.binaryType = "arraybuffer";
      const received: number[][] = [];
      await new Promise<void>((resolve, reject) => {
        ws.onopen = () => resolve();
        ws.onerror = () => reject(new Error("the server refused the socket"));
      });
      await new Promise<void>((resolve) => {
        let auths = 0;
        ws.onmessage = (event) => {
          const bytes = [...new Uint8Array(event.data as ArrayBuffer)];
          received.push(bytes);
          if (bytes[0] === authType) auths++;
          if (auths >= authMessages) resolve();
        };
        setTimeout(resolve, 5_000);
        ws.send(new Uint8Array(frame));
      });
      // Let anything the server would fan out settle before the socket goes.
      await new Promise((resolve) => setTimeout(resolve, 300));
      ws.close();
      return received;
    },
    { boardId, frame, authMessages, authType: MESSAGE_AUTH },
  );
}

/** The reasons of the y-protocols "permission denied" messages among frames. */
function permissionDenied(frames: number[][]): string[] {
  return frames
    .filter((f) => f[0] === MESSAGE_AUTH)
    .map((f) => {
      const decoder = decoding.createDecoder(Uint8Array.from(f));
      decoding.readVarUint(decoder); // message type
      expect(decoding.readVarUint(decoder)).toBe(0); // 0 = permission denied
      return decoding.readVarString(decoder);
    });
}

test("a commenter follows the board live but cannot change it: no drag, and a hand-made update on their own socket is refused", async ({ browser }) => {
  const owner = freshAccount("Avery Owner");
  const commenter = freshAccount("Blake Commenter");
  const avery = await (await laptop(browser)).newPage();
  const blake = await (await laptop(browser)).newPage();

  // Avery signs up and creates a board.
  await signUpThroughForm(avery, owner);
  await avery.getByLabel("Roadmap title").fill("Launch plan");
  await avery.getByRole("button", { name: "Create roadmap" }).click();
  await avery.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/);
  const boardId = new URL(avery.url()).pathname.split("/").pop()!;
  await expect(avery.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");

  // Avery invites Blake, who has no account yet, as a commenter.
  const since = new Date().toISOString();
  await avery.getByRole("button", { name: "Members" }).click();
  const members = avery.getByTestId("members-dialog");
  await members.getByLabel("Email address to invite").fill(commenter.email);
  await members.getByLabel("Role", { exact: true }).selectOption("commenter");
  await members.getByRole("button", { name: "Invite" }).click();
  await expect(members.getByTestId("members-notice")).toContainText(`Invitation sent to ${commenter.email}`);
  await expect(members.getByTestId("invitation")).toHaveAttribute("data-email", commenter.email);
  await avery.keyboard.press("Escape");
  await expect(members).toHaveCount(0);

  // Blake signs up, opens the link in the invitation mail and accepts: the board is on his list.
  await signUpThroughForm(blake, commenter);
  await blake.goto(new URL(await invitationLinkFor(commenter.email, since)).pathname);
  await blake.getByRole("button", { name: `Accept as ${commenter.name}` }).click();
  await blake.waitForURL(`/boards/${boardId}`);
  await blake.goto("/");
  const link = blake.getByTestId("board-link").filter({ hasText: "Launch plan" });
  await expect(link.getByTestId("board-role")).toHaveText("commenter");
  await link.click();
  await expect(blake.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(blake.getByTestId("timeline")).toBeVisible();

  // The UI says it is read-only, and offers nothing to change.
  await expect(blake.getByTestId("read-only-banner")).toContainText("Comments only — your role is commenter");
  await expect(blake.getByRole("button", { name: "Add item" })).toHaveCount(0);
  await expect(blake.getByLabel("Board title")).toHaveCount(0);

  // Each sees the other by account name (the server's presence, not a name the client picked).
  await expect(avery.getByTestId("presence-peer")).toHaveAttribute("data-name", commenter.name);
  await expect(avery.getByTestId("presence-peer")).toHaveAttribute("data-read-only", "true");
  await expect(blake.getByTestId("presence-peer")).toHaveAttribute("data-name", owner.name);

  // Avery adds an item; Blake sees it live.
  await avery.getByRole("button", { name: "Add item" }).click();
  const title = avery.getByLabel("Title", { exact: true });
  await expect(title).toBeFocused();
  await title.fill("Pilot signage");
  await title.press("Enter");
  const blakeBar = barNamed(blake, "Pilot signage");
  await expect(blakeBar).toBeVisible(LIVE);
  const start = (await blakeBar.getAttribute("data-start"))!;
  const lane = (await blakeBar.getAttribute("data-lane-id"))!;

  // Blake tries to drag it three weeks later and a lane down: it does not move, anywhere.
  await expect(blakeBar).toHaveAttribute("data-draggable", "false");
  const box = (await blakeBar.boundingBox())!;
  await blake.mouse.move(box.x + 10, box.y + box.height / 2);
  await blake.mouse.down();
  await blake.mouse.move(box.x + 80, box.y + box.height / 2 + 30, { steps: 4 });
  await blake.mouse.move(box.x + 160, box.y + box.height / 2 + 60, { steps: 4 });
  await blake.mouse.up();
  await expect(blakeBar).toHaveAttribute("data-start", start);
  await expect(blakeBar).toHaveAttribute("data-lane-id", lane);
  await expect(barNamed(avery, "Pilot signage")).toHaveAttribute("data-start", start);
  // The press selected the item: its details are shown, every field disabled.
  await expect(blake.getByTestId("item-panel")).toBeVisible();
  await expect(blake.getByLabel("Title", { exact: true })).toBeDisabled();
  await expect(blake.getByLabel("Start", { exact: true })).toBeDisabled();
  await expect(blake.getByRole("button", { name: "Delete item" })).toHaveCount(0);

  // Blake sends a hand-made update that adds an item over a socket of his own. The server
  // answers "permission denied" (once at join, once for the refused update) and drops it.
  const frames = await sendOverOwnSocket(blake, boardId, addItemFrame("Forged by Blake"), 2);
  const denials = permissionDenied(frames);
  expect(denials).toHaveLength(2);
  expect(denials[1]).toMatch(/read-only: your role on this board is commenter/);
  await expect(avery.getByText("Forged by Blake")).toHaveCount(0);
  await expect(blake.getByText("Forged by Blake")).toHaveCount(0);
  // Not stored either: fresh replicas from the server do not have it.
  await blake.reload();
  await expect(blake.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  await expect(barNamed(blake, "Pilot signage")).toBeVisible();
  await expect(blake.getByText("Forged by Blake")).toHaveCount(0);
  await avery.reload();
  await expect(barNamed(avery, "Pilot signage")).toBeVisible();
  await expect(avery.getByText("Forged by Blake")).toHaveCount(0);

  // The control: the same kind of frame from the owner's socket is applied and reaches
  // everyone, so the refusal above was the role, not a malformed frame.
  const ownerFrames = await sendOverOwnSocket(avery, boardId, addItemFrame("Added by hand by Avery"), 0);
  expect(permissionDenied(ownerFrames)).toEqual([]);
  await expect(blake.getByTestId("unscheduled-item").filter({ hasText: "Added by hand by Avery" })).toBeVisible(LIVE);

  await expectNoCspViolations(avery);
  await expectNoCspViolations(blake);
  await avery.context().close();
  await blake.context().close();
});
