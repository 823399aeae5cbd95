import type { AppServices } from "../../lib/protocol/appServices";
import type { BoardId } from "../../lib/model/ids";
import type { Storage } from "../storage/storage";
import { accountServices } from "./accountServices";
import { boardServices } from "./boardServices";
import { memberServices, type AccessEvents } from "./memberServices";

export interface AppServiceDeps {
  storage: Storage;
  /** Signs sync tokens (the same secret that signs sessions). */
  secret: string;
  /** Open connections hear of role changes and deletions through these. */
  events: AccessEvents & { boardDeleted(boardId: BoardId): Promise<void> };
  now?: () => Date;
}

/** Everything the web routes may ask of the server, each call checking the actor's role itself. */
export function createAppServices({ storage, secret, events, now = () => new Date() }: AppServiceDeps): AppServices {
  const boards = boardServices({ storage, secret, now }, (id) => events.boardDeleted(id));
  return {
    ...accountServices(storage),
    ...boards.services,
    ...memberServices(storage, boards.roleOf, events, now),
  };
}
