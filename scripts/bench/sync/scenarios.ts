/** The loads of issue 7's benchmark section, and the target each must meet on Waymark. */
export interface LoadScenario {
  id: 1 | 2 | 3;
  title: string;
  boards: number;
  clientsPerBoard: number;
  /** Of each board's clients, how many edit. */
  editorsPerBoard: number;
  /** Edits per second per editing client. */
  editsPerSecond: number;
  /** Cursor moves per second of every client (0 = none). */
  cursorHz: number;
  /** "absolute": Waymark's p99 ≤ limitMs; "references": Waymark's p99 ≤ the better reference's. */
  target: { kind: "absolute"; limitMs: number } | { kind: "references" };
}

export const LOAD_SCENARIOS: readonly LoadScenario[] = [
  {
    id: 1,
    title: "1,000 edits/s: 100 boards × 5 clients × 2 edits/s",
    boards: 100,
    clientsPerBoard: 5,
    editorsPerBoard: 5,
    editsPerSecond: 2,
    cursorHz: 0,
    target: { kind: "absolute", limitMs: 10 },
  },
  {
    id: 2,
    title: "2,000 edits/s: 200 boards × 5 clients × 2 edits/s",
    boards: 200,
    clientsPerBoard: 5,
    editorsPerBoard: 5,
    editsPerSecond: 2,
    cursorHz: 0,
    target: { kind: "references" },
  },
  {
    id: 3,
    title: "100 cursors at 10 Hz on one board, 10 of them editing 2 edits/s",
    boards: 1,
    clientsPerBoard: 100,
    editorsPerBoard: 10,
    editsPerSecond: 2,
    cursorHz: 10,
    target: { kind: "references" },
  },
];

/** Scenario 4's targets on Waymark (a 10,000-item board with 100,000 edits of history). */
export const LARGE_TARGETS = { serverLoadMs: 300, clientSyncMs: 1000 } as const;
