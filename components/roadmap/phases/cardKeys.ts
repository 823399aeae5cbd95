/** A column as the keyboard sees it: its cards' ids, top to bottom. */
export type ColumnIds = readonly (readonly string[])[];

export type CardDirection = "up" | "down" | "left" | "right";

export const ARROW_DIRECTIONS: Readonly<Record<string, CardDirection>> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** Where a card is: column and row. */
export function locate(columns: ColumnIds, id: string): { column: number; row: number } | null {
  for (let column = 0; column < columns.length; column++) {
    const row = columns[column]!.indexOf(id);
    if (row >= 0) return { column, row };
  }
  return null;
}

/**
 * Where Alt+Arrow sends a card: one place up or down in its column, or into the next column
 * left or right at the same height (or last, when that column is shorter). Null at an edge.
 * `beforeId` is the card it lands above, as moveCard wants it.
 */
export function keyboardMove(columns: ColumnIds, id: string, direction: CardDirection): { column: number; beforeId: string | null } | null {
  const at = locate(columns, id);
  if (!at) return null;
  const own = columns[at.column]!;
  switch (direction) {
    case "up":
      return at.row === 0 ? null : { column: at.column, beforeId: own[at.row - 1]! };
    case "down":
      return at.row === own.length - 1 ? null : { column: at.column, beforeId: own[at.row + 2] ?? null };
    case "left":
    case "right": {
      const column = at.column + (direction === "left" ? -1 : 1);
      const target = columns[column];
      if (!target) return null;
      return { column, beforeId: target[Math.min(at.row, target.length)] ?? null };
    }
  }
}

/** The card an Arrow key (without Alt) moves the focus to, or null at an edge or an empty column. */
export function neighbourCard(columns: ColumnIds, id: string, direction: CardDirection): string | null {
  const at = locate(columns, id);
  if (!at) return null;
  if (direction === "up" || direction === "down") return columns[at.column]![at.row + (direction === "up" ? -1 : 1)] ?? null;
  // Step over empty columns: the next card sideways is in the nearest column that has one.
  for (let column = at.column + (direction === "left" ? -1 : 1); column >= 0 && column < columns.length; column += direction === "left" ? -1 : 1) {
    const target = columns[column]!;
    if (target.length) return target[Math.min(at.row, target.length - 1)]!;
  }
  return null;
}
