import * as Y from "yjs";
import { addCalendarDays, fromDayNumber, isoWeekday, toDayNumber, type DateString } from "../lib/model/dates";
import { buildDemoBoard } from "../lib/model/demoBoard";
import { newBoardId } from "../lib/model/ids";
import { createOrigin } from "../lib/model/origin";
import { initBoardFromTemplate } from "../lib/model/template";
import type { AppServices, BoardSummary } from "../lib/protocol/appServices";
import type { BoardStore } from "./storage/boardStore";

const SERVER_ORIGIN = createOrigin("server", "waymark-server");

/** Monday of the week containing `now` (boards start on a week boundary). */
export function mondayOf(now: Date): DateString {
  const today = toDayNumber(now.toISOString().slice(0, 10) as DateString);
  return fromDayNumber(today - (isoWeekday(today) - 1));
}

/**
 * Board creation happens on the server: the template is written once, as the board's first
 * stored update, so two people opening a new board never both insert the template lanes.
 */
export function createBoardService(store: BoardStore, now: () => Date = () => new Date()): AppServices & {
  seedDemoBoard(): Promise<BoardSummary>;
} {
  async function create(title: string, build: (doc: Y.Doc, monday: DateString) => void): Promise<BoardSummary> {
    const doc = new Y.Doc();
    build(doc, mondayOf(now()));
    const record = await store.createBoard({ id: newBoardId(), title }, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    return record;
  }
  return {
    listBoards: () => store.listBoards(),
    getBoard: (id) => store.getBoard(id),
    createBoard: ({ title }) =>
      create(title, (doc, monday) =>
        initBoardFromTemplate(doc, SERVER_ORIGIN, {
          title,
          horizonStart: monday,
          horizonEnd: addCalendarDays(monday, 7 * 52 - 3),
        }),
      ),
    seedDemoBoard: () =>
      create("Citizen booking service roadmap", (doc, monday) => buildDemoBoard(doc, SERVER_ORIGIN, monday)),
  };
}
