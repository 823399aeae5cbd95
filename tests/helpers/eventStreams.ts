import { get, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { encode } from "next-auth/jwt";
import type { UserId } from "../../lib/model/ids";
import { eventually } from "./syncClient";

/**
 * A next-auth session cookie for a user, as the sign-in flow would set it (same secret as the
 * server's); `sessionId` is the sign-in session's id (absent as in sessions from before they had ids).
 */
export async function sessionCookie(secret: string, userId: UserId, name = "", sessionId?: string): Promise<string> {
  const token = await encode({ token: { sub: userId, name, email: "", ...(sessionId ? { sid: sessionId } : {}) }, secret });
  return `next-auth.session-token=${token}`;
}

export interface ReceivedEvent {
  event: string;
  data: unknown;
  /** performance.now() when it was parsed (benchmarks time delivery with it). */
  receivedAt: number;
}

/** An open server-sent event stream that records what arrives. */
export interface OpenStream {
  status: number;
  headers: IncomingHttpHeaders;
  events: ReceivedEvent[];
  /** Comment lines (`: ping`) seen so far. */
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Waits (up to `timeoutMs`) for an event matching `match` that arrives after `after` events. */
  waitFor(match: (e: ReceivedEvent) => boolean, options?: { after?: number; timeoutMs?: number }): Promise<ReceivedEvent>;
  close(): void;
}

/** Opens `url` as an EventSource would and parses the stream; a refused request resolves with its status and body. */
export function openStream(url: string, cookie?: string): Promise<OpenStream & { body: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) } }, (res: IncomingMessage) => {
      const events: ReceivedEvent[] = [];
      const comments: string[] = [];
      let buffer = "";
      let raw = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = "message";
          let data = "";
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data += line.slice(6);
          }
          if (data) events.push({ event, data: JSON.parse(data) as unknown, receivedAt: performance.now() });
        }
      });
      const ended = new Promise<void>((r) => res.once("close", () => r()));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        comments,
        ended,
        body: ended.then(() => raw),
        async waitFor(match, { after = 0, timeoutMs = 1_000 } = {}) {
          let found: ReceivedEvent | undefined;
          await eventually(() => {
            found = events.slice(after).find(match);
            if (!found) throw new Error(`no matching event among ${JSON.stringify(events.slice(after))}`);
          }, timeoutMs);
          return found!;
        },
        close: () => req.destroy(),
      });
    });
    req.once("error", reject);
  });
}
