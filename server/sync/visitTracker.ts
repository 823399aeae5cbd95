import type { BoardId, UserId } from "../../lib/model/ids";
import type { Logger } from "../log";
import type { ActivityStore } from "../storage/activityStore";
import { userOf, type Peer } from "./peer";

/**
 * When each member last had a board open, for "what changed since your last visit". A visit
 * ends when the user's last connection to the board closes: with two tabs open, closing one
 * is not leaving, so the summary on the next open starts where the user actually stopped
 * watching. Guests are not tracked (they have no account to remember them by).
 */
export class VisitTracker {
  /** Open connections per signed-in user. */
  private readonly open = new Map<UserId, number>();
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly boardId: BoardId,
    private readonly store: Pick<ActivityStore, "recordVisit">,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  joined(peer: Peer): void {
    const user = userOf(peer);
    if (!user || this.stopped) return;
    this.open.set(user, (this.open.get(user) ?? 0) + 1);
  }

  left(peer: Peer): void {
    const user = userOf(peer);
    const count = user ? this.open.get(user) : undefined;
    if (!user || count === undefined || this.stopped) return;
    if (count > 1) return void this.open.set(user, count - 1);
    this.open.delete(user);
    this.record([user]);
  }

  /** The board unloads or the server stops with people still connected: their visit ends now. */
  close(): Promise<void> {
    if (!this.stopped) this.record([...this.open.keys()]);
    this.stopped = true;
    this.open.clear();
    return this.writing;
  }

  /** The board was deleted: there is nothing left to come back to. */
  discard(): void {
    this.stopped = true;
    this.open.clear();
  }

  /** Settles when every visit noted so far is stored (or its write failed and was logged). */
  flushed(): Promise<void> {
    return this.writing;
  }

  private record(users: UserId[]): void {
    if (!users.length) return;
    const at = this.now().toISOString();
    // Off the socket's close path; a failed write costs one summary its start, never a connection.
    this.writing = this.writing.then(async () => {
      for (const user of users) {
        try {
          await this.store.recordVisit(this.boardId, user, at);
        } catch (error) {
          this.log.error({ board: this.boardId, user, err: String(error) }, "could not record a visit");
        }
      }
    });
  }
}
