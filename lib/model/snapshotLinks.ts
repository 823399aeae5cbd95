import type { Dependency, Item } from "./schemas";

/**
 * Where each dependency's ends are among a snapshot's items, as readSnapshot resolved them while
 * checking references: positions in `items`, which readSnapshot sorted by id, -1 for an end that
 * does not exist. Derivations take them instead of resolving 30,000 ids again (see
 * lib/derive/scheduleGraph.ts). It hangs on the snapshot object as a non-enumerable symbol
 * property, invisible to JSON, spreads and equality, and only counts for the very arrays it was
 * made from: a copy of a snapshot with other arrays (shuffled, edited) has none.
 */
export interface SnapshotLinks {
  /** The snapshot's items, sorted by id, ids distinct. */
  readonly items: readonly Item[];
  readonly dependencies: readonly Dependency[];
  readonly from: Int32Array;
  readonly to: Int32Array;
}

const LINKS = Symbol("snapshotLinks");
type WithLinks = { items: readonly Item[]; dependencies: readonly Dependency[]; [LINKS]?: SnapshotLinks };

/** The snapshot's resolved links, when it has them for its current items and dependencies. */
export function linksOf(snapshot: { items: readonly Item[]; dependencies: readonly Dependency[] }): SnapshotLinks | undefined {
  const links = (snapshot as WithLinks)[LINKS];
  return links && links.items === snapshot.items && links.dependencies === snapshot.dependencies ? links : undefined;
}

/**
 * Resolves and attaches the links of a snapshot whose items are sorted by id with distinct ids;
 * `position` gives each item id's position in `snapshot.items`.
 */
export function attachLinks(snapshot: { items: readonly Item[]; dependencies: readonly Dependency[] }, position: ReadonlyMap<string, number>): void {
  const { items, dependencies } = snapshot;
  const from = new Int32Array(dependencies.length);
  const to = new Int32Array(dependencies.length);
  dependencies.forEach((dep, d) => {
    from[d] = position.get(dep.fromId) ?? -1;
    to[d] = position.get(dep.toId) ?? -1;
  });
  const links: SnapshotLinks = { items, dependencies, from, to };
  Object.defineProperty(snapshot, LINKS, { value: links, enumerable: false, configurable: true });
}
