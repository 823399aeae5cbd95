import { addCalendarDays, type DateString } from "../model/dates";
import type { BoardFile } from "./boardFile";

/**
 * A board file with every date moved by `days` calendar days: the horizon, holidays, pinned
 * starts and milestones. Templates of one's own start in the week they are used: moved by
 * whole weeks, every date keeps its weekday, so working-day schedules keep their shape.
 */
export function shiftBoardFile(file: BoardFile, days: number): BoardFile {
  if (days === 0) return file;
  const move = (d: DateString) => addCalendarDays(d, days);
  return {
    ...file,
    board: {
      ...file.board,
      horizonStart: move(file.board.horizonStart),
      horizonEnd: move(file.board.horizonEnd),
      holidays: file.board.holidays.map(move),
    },
    items: file.items.map((i) => (i.start === null ? i : { ...i, start: move(i.start) })),
    milestones: file.milestones.map((m) => ({ ...m, date: move(m.date) })),
  };
}
