/**
 * Worker thread of checkpointThread.ts: every interval, fsyncs the write-ahead log and copies it
 * into the database file (a PASSIVE checkpoint, which never waits for the writer or readers), on
 * a connection of its own, so those fsyncs never stall the event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");

function checkpoint() {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort?.postMessage({ type: "failed", error: String(error) });
  }
}

const timer = setInterval(checkpoint, workerData.intervalMs);

parentPort?.on("message", (message) => {
  if (message.type !== "close") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort?.postMessage({ type: "closed" });
});
