/**
 * An import thread (importThreads.ts): reads import files with server/io/readImport.ts, one
 * at a time, off the event loop. The server runs its TypeScript under tsx.
 */
import { parentPort } from "node:worker_threads";

// Workers do not inherit the parent's module hooks: tsx is registered here, for this thread.
const { register } = await import("tsx/esm/api");
register();
const { readImport, readImportAsNewBoard } = await import("./readImport.ts");
parentPort.on("message", ({ id, query, text, settings, newBoardBy }) => {
  try {
    const result = newBoardBy ? readImportAsNewBoard(query, text, newBoardBy) : readImport(query, text, settings ?? undefined);
    // A new board's bytes are moved, not copied.
    parentPort.postMessage({ id, result }, result.board ? [result.board.update.buffer] : []);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
