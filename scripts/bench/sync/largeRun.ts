import { loadavg } from "node:os";
import * as Y from "yjs";
import { connectBenchClient, type BenchClient } from "./benchClient";
import type { LargeBoard } from "./largeBoard";
import { timeRawAnswer } from "./rawAnswer";
import type { BenchOptions } from "./options";
import { sampleUsage, type UsageSummary } from "./procStats";
import { median } from "./stats";
import type { RunningTarget } from "./targets";
import type { ClientSpec, ServerName } from "./types";

export interface LargeResult {
  server: ServerName;
  /** Cold loads of the board on the server (Waymark: storage → memory), ms; empty where nothing is stored. */
  serverLoadMs: number[];
  /** A fresh client from connect to synced while the board is not in the server's memory, ms. */
  coldSyncMs: number[];
  /** The same while the board is loaded (another client had it open moments ago), ms. */
  warmSyncMs: number[];
  /**
   * A fresh Y.Doc applying the whole board in this process, with no server and no socket, ms:
   * the client's own share of a fresh sync, the floor under any server's figure.
   */
  clientApplyMs: number[];
  /**
   * A bare socket from connect to holding the server's whole answer, board loaded and as stored,
   * nothing applied, ms: the server's and the network's share (Waymark only: the references
   * hold no stored form).
   */
  storedAnswerMs: number[];
  /** The same once the board has been edited since it loaded (y-websocket protocol servers; the references always are). */
  editedAnswerMs: number[];
  stateBytes: number;
  usage: UsageSummary;
  loadAverage: number;
}

const SYNC_TIMEOUT_MS = 60_000;

async function synced(client: BenchClient, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.synced,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not synced within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Opens a fresh client, times it to synced, and checks it holds the whole board (or throws). */
async function timeFreshSync(spec: ClientSpec, expected: Uint8Array): Promise<number> {
  const started = performance.now();
  const client = connectBenchClient(spec);
  try {
    await synced(client, "fresh client");
    const ms = performance.now() - started;
    if (Buffer.compare(Buffer.from(Y.encodeStateVector(client.doc)), Buffer.from(expected)) !== 0) {
      throw new Error("the fresh client synced without the whole board");
    }
    return ms;
  } finally {
    client.destroy();
  }
}

/** Times what a fresh client does with the answer it is sent: apply the whole board to an empty document. */
function timeClientApply(fullState: Uint8Array): number {
  const doc = new Y.Doc();
  const started = performance.now();
  Y.applyUpdate(doc, fullState);
  const ms = performance.now() - started;
  doc.destroy();
  return ms;
}

/**
 * Scenario 4. Waymark stores the board in its database (as it would after that history) and
 * loads it cold; the references keep documents only in memory, so a first client pushes the
 * board to them and stays connected, and only fresh clients' sync is timed there.
 */
export async function runLarge(target: RunningTarget, board: LargeBoard, boardFile: string, options: BenchOptions): Promise<LargeResult> {
  const reference = new Y.Doc();
  Y.applyUpdate(reference, board.state);
  for (const update of board.tail) Y.applyUpdate(reference, update);
  const expected = Y.encodeStateVector(reference);
  const fullState = Y.encodeStateAsUpdate(reference);
  const stateBytes = fullState.byteLength;
  const serverLoadMs: number[] = [];
  const coldSyncMs: number[] = [];
  const warmSyncMs: number[] = [];
  const clientApplyMs: number[] = [];
  const storedAnswerMs: number[] = [];
  const editedAnswerMs: number[] = [];
  /** After a fresh client's sync, with the board loaded: the server's answer on its own. */
  const timeAnswer = async (spec: ClientSpec, into: number[]) => {
    if (spec.protocol === "y-websocket") into.push(await timeRawAnswer(spec));
  };
  let seeder: BenchClient | null = null;
  let usage: UsageSummary;
  let loadAverage: number;

  try {
    if (target.prepareLarge && target.timeLoad) {
      const { boardId, specs } = await target.prepareLarge(boardFile, 4 * options.runs + 2);
      loadAverage = loadavg()[0]!;
      const sampler = sampleUsage(target.pid);
      for (let i = 0; i < options.runs; i++) {
        // Ends with the board unloaded, so the next client's connect loads it again.
        serverLoadMs.push(await target.timeLoad(boardId));
        coldSyncMs.push(await timeFreshSync(specs[3 * i]!, expected));
        warmSyncMs.push(await timeFreshSync(specs[3 * i + 1]!, expected));
        await timeAnswer(specs[3 * i + 2]!, storedAnswerMs);
        clientApplyMs.push(timeClientApply(fullState));
      }
      await editLoadedBoard(specs[3 * options.runs]!, specs[3 * options.runs + 1]!);
      for (let i = 0; i < options.runs; i++) await timeAnswer(specs[3 * options.runs + 2 + i]!, editedAnswerMs);
      usage = sampler.stop();
    } else {
      const specs = (await target.prepareBoards(1, 2 * options.runs + 1))[0]!;
      seeder = connectBenchClient(specs[0]!, reference);
      await synced(seeder, "seeding client");
      await waitUntilServerHasAll(specs[0]!, expected);
      loadAverage = loadavg()[0]!;
      const sampler = sampleUsage(target.pid);
      for (let i = 0; i < options.runs; i++) {
        warmSyncMs.push(await timeFreshSync(specs[2 * i + 1]!, expected));
        await timeAnswer(specs[2 * i + 2]!, editedAnswerMs);
        clientApplyMs.push(timeClientApply(fullState));
      }
      usage = sampler.stop();
    }
  } finally {
    seeder?.destroy();
    reference.destroy();
  }
  return { server: target.name, serverLoadMs, coldSyncMs, warmSyncMs, clientApplyMs, storedAnswerMs, editedAnswerMs, stateBytes, usage, loadAverage };
}

/**
 * One person edits the large board; returns once another has received the edit, so the server
 * has built its document, committed the edit and sent it on.
 */
async function editLoadedBoard(editorSpec: ClientSpec, watcherSpec: ClientSpec): Promise<void> {
  const editor = connectBenchClient(editorSpec);
  const watcher = connectBenchClient(watcherSpec);
  try {
    await Promise.all([synced(editor, "editing client"), synced(watcher, "watching client")]);
    const arrived = new Promise<void>((resolve) => watcher.doc.on("update", () => resolve()));
    editor.doc.getMap("bench").set("edited", Date.now());
    await Promise.race([
      arrived,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the edit did not arrive")), SYNC_TIMEOUT_MS)),
    ]);
  } finally {
    editor.destroy();
    watcher.destroy();
  }
}

/** The seeder's push may still be on its way when it reports synced: wait until a reader sees all of it. */
async function waitUntilServerHasAll(spec: ClientSpec, expected: Uint8Array): Promise<void> {
  const deadline = Date.now() + SYNC_TIMEOUT_MS;
  for (;;) {
    try {
      await timeFreshSync(spec, expected);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export const summarizeMs = (values: number[]) => (values.length ? { median: median(values), max: Math.max(...values) } : null);
