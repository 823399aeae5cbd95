import { WebSocket } from "ws";
import { describeFrame } from "./frames";

/** A raw socket that records every frame the server sends, for asserting answers and refusals. */
export interface RecordingSocket {
  ws: WebSocket;
  frames: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  kinds(): ReturnType<typeof describeFrame>[];
}

export function openRecordingSocket(url: string): Promise<RecordingSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((r) => ws.once("close", (code, reason) => r({ code, reason: reason.toString() })));
    ws.on("message", (data: Buffer) => frames.push(new Uint8Array(data)));
    ws.once("open", () => resolve({ ws, frames, closed, kinds: () => frames.map(describeFrame) }));
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
  });
}
