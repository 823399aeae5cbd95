/**
 * A load-generator process: runs its share of the simulated people (stock clients in Node),
 * as the parent tells it, and reports what it sent and when others' edits arrived. Several run
 * side by side so the load is not limited by one event loop; they share the wall clock.
 */
import { connectBenchClient } from "./benchClient";
import { ArrivalLog, Participant } from "./participant";
import type { ClientRole, WorkerCommand, WorkerEvent } from "./types";

// y-websocket's provider adds a process "exit" listener per instance; hundreds are expected here.
process.setMaxListeners(0);

const send = (event: WorkerEvent) => process.send?.(event);
const SYNC_TIMEOUT_MS = 60_000;

let people: { participant: Participant; role: ClientRole }[] = [];

async function connect(roles: ClientRole[], batch: number): Promise<void> {
  const started = performance.now();
  // In batches, as people arrive over a morning rather than in one instant (that storm is the
  // encode gate's test, not this benchmark's).
  for (let i = 0; i < roles.length; i += batch) {
    const group = roles.slice(i, i + batch).map((role) => ({ role, client: connectBenchClient(role.spec) }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`clients not synced within ${SYNC_TIMEOUT_MS} ms`)), SYNC_TIMEOUT_MS);
    });
    await Promise.race([Promise.all(group.map((g) => g.client.synced)), timeout]).finally(() => clearTimeout(timer));
    for (const { role, client } of group) {
      const participant = new Participant(role.key, client);
      if (role.editsPerSecond > 0) participant.createOwnItem();
      people.push({ participant, role });
    }
  }
  send({ type: "connected", count: people.length, ms: performance.now() - started });
}

function go(measureFrom: number, measureTo: number, reportAt: number): void {
  const log = new ArrivalLog({ from: measureFrom, to: measureTo });
  for (const { participant, role } of people) {
    participant.listen(log);
    participant.run(log, role.editsPerSecond, role.cursorHz);
  }
  setTimeout(() => {
    for (const { participant } of people) participant.stop();
    const disconnects = people.reduce((n, { participant }) => n + participant.client.disconnects(), 0);
    send({ type: "result", result: { sent: log.sent, seen: log.seen, disconnects } });
  }, Math.max(0, reportAt - (performance.timeOrigin + performance.now())));
}

process.on("message", (command: WorkerCommand) => {
  switch (command.type) {
    case "connect":
      connect(command.clients, command.connectBatch).catch((error: unknown) => send({ type: "error", message: String(error) }));
      return;
    case "go":
      return go(command.measureFrom, command.measureTo, command.reportAt);
    case "stop":
      for (const { participant } of people) participant.client.destroy();
      people = [];
      // Let the close frames go out before leaving.
      setTimeout(() => process.exit(0), 200);
      return;
  }
});
process.on("disconnect", () => process.exit(0));
