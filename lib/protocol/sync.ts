/**
 * Names shared by the browser and the sync server. The wire protocol is the standard
 * y-websocket one, so a stock `WebsocketProvider(`${origin}/sync`, boardId)` connects.
 */

/** Request header the server sets to the client's address (rate limits); any incoming value is replaced. */
export const CLIENT_ADDRESS_HEADER = "x-waymark-client-address";

/** WebSocket path prefix: a board's room is `${SYNC_PATH}/${boardId}`. */
export const SYNC_PATH = "/sync";

/** y-websocket message types (first varUint of every frame). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/**
 * Close codes the server uses. 4000-4999 are application codes. Stock y-websocket (3.x) stops
 * reconnecting after 4400-4499, so those mean "final" (bad input, no access, gone); 4500-4599
 * and 1xxx mean "reconnect, the state you send next can succeed".
 */
export const CloseCode = {
  /** A frame that is not valid y-websocket protocol (bad varint, unknown type, bad update). */
  BadMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  /** Unknown board (also what non-members will get: the board looks nonexistent). */
  NotFound: 4404,
  /**
   * The connection does not read what it is sent: more than the bound waits in its send buffer.
   * Retryable: an honest client on a slow link reconnects and catches up from its state.
   */
  NotReading: 4508,
  /** Too much of this connection's (or the board's) updates waits for content the server lacks; reconnect. */
  TooMuchPending: 4513,
  /** A frame over the size limit, or too much waiting for content the server does not have. */
  TooLarge: 4413,
  /** The board was unloaded from this server; reconnecting is safe. */
  GoingAway: 1001,
  /** This server is shutting down (SIGTERM): reconnect, to another instance when there is one. */
  ServiceRestart: 1012,
  /** The server failed to load or store the board; reconnecting later is safe. */
  ServerError: 1011,
} as const;
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
