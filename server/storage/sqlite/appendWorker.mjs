/**
 * Worker thread of appendThread.ts: commits update-log appends on a connection of its own, so
 * the fsync each commit waits for (synchronous=FULL) blocks this thread, not the event loop
 * that reads, applies and relays everybody's edits meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { prepareAppend } from "./appendLog.mjs";

const db = new Database(workerData.file);
// The same settings as openDatabase (which also ran the migrations before this thread started).
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
const append = prepareAppend(db);

parentPort?.on("message", (message) => {
  if (message.close) {
    db.close();
    parentPort?.postMessage({ id: message.id, results: [] });
    return;
  }
  try {
    parentPort?.postMessage({ id: message.id, results: append(message.batch, message.now) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: String(error) });
  }
});
