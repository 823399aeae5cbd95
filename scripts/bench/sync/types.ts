/**
 * What the benchmark's processes say to each other (over Node's IPC channel, as JSON).
 * The parent runs the scenarios; server children serve; load workers run the clients.
 */

/** The three servers measured side by side. */
/** `waymark-fsync`: Waymark with WAYMARK_SQLITE_SYNC=full (an fsync before every relay). */
/** `waymark-unchecked`: Waymark without the layout check of client updates, the reference for its cost. */
export type ServerName = "waymark" | "waymark-fsync" | "waymark-unchecked" | "y-websocket" | "hocuspocus";

/** How one simulated person connects: the stock client of the server it talks to. */
export interface ClientSpec {
  /** `y-websocket` = y-websocket's WebsocketProvider; `hocuspocus` = HocuspocusProvider. */
  protocol: "y-websocket" | "hocuspocus";
  /** Server URL without the room (y-websocket appends `/<room>` itself). */
  url: string;
  room: string;
  /** Waymark's sync token, sent as `?token=`. */
  token?: string;
}

/** What each client of a load worker does once the run starts. */
export interface ClientRole {
  spec: ClientSpec;
  /** Unique across the run; names the client's stamps. */
  key: string;
  /** Document edits per second (0 = never edits). */
  editsPerSecond: number;
  /** Cursor moves (awareness updates) per second (0 = no cursor). */
  cursorHz: number;
}

/** Parent → load worker. */
export type WorkerCommand =
  | { type: "connect"; clients: ClientRole[]; connectBatch: number }
  /** Start editing; edits sent in [measureFrom, measureTo) count; stop at measureTo; report at reportAt (wall ms). */
  | { type: "go"; measureFrom: number; measureTo: number; reportAt: number }
  | { type: "stop" };

/** One edit sent in the measured window, as its sender knows it. */
export interface SentEdit {
  sender: string;
  /** The sender's edit number (1, 2, …). */
  seq: number;
  /** When it was made (wall clock ms). */
  t: number;
}

/**
 * When each receiver saw each sender's stamp change: receiver key → sender key → flat
 * [seq, wall ms, seq, wall ms, …] in arrival order, from the window's start on. A stamp with
 * edit number n also brings every earlier edit of that sender (Yjs applies one client's
 * changes in order), which matters when several arrive in one message (a reconnect, a server
 * that batches): only the latest stamp is then visible, yet all of them arrived.
 */
export type SeenStamps = Record<string, Record<string, number[]>>;

export interface WorkerResult {
  sent: SentEdit[];
  seen: SeenStamps;
  /** Clients whose connection dropped during the run (each a failure of the run). */
  disconnects: number;
}

/** Load worker → parent. */
export type WorkerEvent =
  | { type: "connected"; count: number; ms: number }
  | { type: "result"; result: WorkerResult }
  | { type: "error"; message: string };

/** Parent → server child (Waymark and Hocuspocus children answer these). */
export type ServerCommand =
  /** Waymark: create `boards` boards with `clientsPerBoard` editor members each; answer their tokens. */
  | { type: "prepare"; boards: number; clientsPerBoard: number }
  /** Waymark: store the large benchmark board written to `file` (see largeBoard.ts) and answer its id and tokens. */
  | { type: "prepare-large"; file: string; tokens: number }
  /** Waymark: load a board cold (not in memory), time it, unload it again. */
  | { type: "time-load"; boardId: string };

export type ServerEvent =
  | { type: "ready"; port: number }
  | { type: "prepared"; boards: { id: string; tokens: string[] }[] }
  | { type: "loaded"; ms: number }
  | { type: "error"; message: string };

/** The current time in ms since the epoch with sub-millisecond resolution, comparable across processes. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
