/**
 * Waymark's server as `npm run serve` composes it, minus the Next.js web app (the benchmark only
 * speaks the sync protocol): environment read by readConfig, SQLite (WAYMARK_SQLITE_SYNC as the
 * parent sets it) in a throwaway data folder given by the parent, no demo seed, production
 * logging. The parent asks it over IPC to create boards and members and to mint sync tokens
 * with the server's own secret, so clients authenticate exactly as scripts do.
 */
import * as Y from "yjs";
import { readConfig } from "../../../../server/config";
import { createLogger } from "../../../../server/log";
import { startServer, type RunningServer } from "../../../../server/startServer";
import { mintSyncToken } from "../../../../server/auth/syncTokens";
import { newBoardId, newUserId, type BoardId, type UserId } from "../../../../lib/model/ids";
import { readLargeBoard } from "../largeBoard";
import type { ServerCommand, ServerEvent } from "../types";

const send = (event: ServerEvent) => process.send?.(event);

const config = readConfig();
// The reference for what the layout check costs (bench:sync's `waymark-unchecked`): set by the
// parent for that child only; the server itself never reads this variable.
if (process.env.BENCH_UNCHECKED_UPDATES === "1") config.checkUpdates = false;
const server = await startServer({ config, log: createLogger() });
send({ type: "ready", port: server.port });

async function createUser(server: RunningServer, name: string): Promise<UserId> {
  const id = newUserId();
  await server.store.createUser({ id, email: `${id}@bench.waymark.dev`, name, passwordHash: null });
  return id;
}

function tokenFor(userId: UserId, boardId: BoardId): string {
  return mintSyncToken(server.secret, { kind: "user", userId, name: "", email: "" }, boardId).token;
}

/** Boards made the way people make them: the owner creates one (template), then adds editors. */
async function prepare(boards: number, clientsPerBoard: number) {
  const out: { id: string; tokens: string[] }[] = [];
  for (let b = 0; b < boards; b++) {
    const owner = await createUser(server, `Owner ${b}`);
    const created = await server.services.createBoard(owner, { title: `Bench board ${b}` });
    if (!created.ok) throw new Error(created.error.message);
    const boardId = created.value.id;
    const tokens = [tokenFor(owner, boardId)];
    for (let c = 1; c < clientsPerBoard; c++) {
      const editor = await createUser(server, `Editor ${b}.${c}`);
      await server.store.setRole(boardId, editor, "editor");
      tokens.push(tokenFor(editor, boardId));
    }
    out.push({ id: boardId, tokens });
  }
  return out;
}

/**
 * Stores the large board as the server itself would hold it after its history: the log folded
 * into a snapshot at each compaction, followed by the edits since (one short of the next one).
 */
async function prepareLarge(file: string, tokens: number) {
  const { state, tail } = readLargeBoard(file);
  const owner = await createUser(server, "Large board owner");
  const boardId = newBoardId();
  await server.store.createOwnedBoard({ id: boardId, title: "Benchmark roadmap", ownerId: owner }, state);
  const appended = await server.store.appendUpdates([{ boardId, updates: tail }]);
  const lastSeq = appended.get(boardId)!.lastSeq;
  // Row numbers of one transaction are consecutive: the first state is the row before the tail.
  await server.store.compact(boardId, state, lastSeq - tail.length, Y.encodeStateVectorFromUpdate(state));
  const loaded = await server.store.loadUpdates(boardId);
  if (loaded.logLength !== tail.length) throw new Error(`expected ${tail.length} log rows, found ${loaded.logLength}`);
  return [{ id: boardId, tokens: Array.from({ length: tokens }, () => tokenFor(owner, boardId)) }];
}

/** Cold load of a board (as the first connection triggers it), then unloaded again. */
async function timeLoad(boardId: BoardId): Promise<number> {
  if (server.sync.registry.loaded(boardId)) await server.sync.registry.drop(boardId);
  const started = performance.now();
  await server.sync.registry.open(boardId);
  const ms = performance.now() - started;
  await server.sync.registry.drop(boardId);
  return ms;
}

process.on("message", (command: ServerCommand) => {
  const run = async (): Promise<ServerEvent> => {
    switch (command.type) {
      case "prepare":
        return { type: "prepared", boards: await prepare(command.boards, command.clientsPerBoard) };
      case "prepare-large":
        return { type: "prepared", boards: await prepareLarge(command.file, command.tokens) };
      case "time-load":
        return { type: "loaded", ms: await timeLoad(command.boardId as BoardId) };
    }
  };
  run().then(send, (error: unknown) => send({ type: "error", message: String(error) }));
});

const shutdown = () => server.close().then(() => process.exit(0), () => process.exit(1));
process.once("SIGTERM", shutdown);
process.on("disconnect", shutdown);
