import * as Y from "yjs";
import { buildDemoBoard } from "../../lib/model/demoBoard";
import { newBoardId, newUserId, type UserId } from "../../lib/model/ids";
import { readSnapshot } from "../../lib/model/snapshot";
import type { Role } from "../../lib/protocol/roles";
import { hashPassword } from "../auth/passwords";
import type { Logger } from "../log";
import type { Storage } from "../storage/storage";
import { SERVER_ORIGIN } from "./boardServices";
import { mondayOf } from "./calendarDates";
import { seedDemoThreads } from "./demoThreads";

/** Known demo accounts, one per role, printed at start-up so a newcomer can sign in at once. */
export const DEMO_PASSWORD = "waymark-demo";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "ana@demo.waymark.dev", name: "Ana Owner", role: "owner" },
  { email: "ben@demo.waymark.dev", name: "Ben Editor", role: "editor" },
  { email: "chen@demo.waymark.dev", name: "Chen Commenter", role: "commenter" },
  { email: "dev@demo.waymark.dev", name: "Dev Viewer", role: "viewer" },
];

/**
 * On first start (no users yet): demo users, and a demo board from the service-roadmap
 * template on which each of them holds the role in their name, with a few comment threads.
 */
export async function seedDemo(storage: Storage, log: Logger, now: Date): Promise<boolean> {
  if ((await storage.countUsers()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: { id: UserId; role: Role; email: string; name: string }[] = [];
  for (const demo of DEMO_USERS) {
    const id = newUserId();
    await storage.createUser({ id, email: demo.email, name: demo.name, passwordHash });
    users.push({ id, ...demo });
  }
  const owner = users[0]!.id;
  const doc = new Y.Doc();
  buildDemoBoard(doc, SERVER_ORIGIN, mondayOf(now));
  const board = await storage.createOwnedBoard(
    { id: newBoardId(), title: "Citizen booking service roadmap", ownerId: owner },
    Y.encodeStateAsUpdate(doc),
  );
  const snapshot = readSnapshot(doc);
  doc.destroy();
  for (const user of users.slice(1)) await storage.setRole(board.id, user.id, user.role);
  await seedDemoThreads(storage, board.id, snapshot, users.map((u) => ({ userId: u.id, name: u.name, email: u.email })), now);
  log.info({ board: board.id }, "seeded demo board and demo users");
  return true;
}

export function demoAccountsBanner(): string {
  const lines = DEMO_USERS.map((u) => `    ${u.email.padEnd(26)} ${u.role}`);
  return [`  Demo accounts (password "${DEMO_PASSWORD}"):`, ...lines].join("\n");
}
