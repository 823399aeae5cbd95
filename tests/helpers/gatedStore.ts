import type { Storage } from "../../server/storage/storage";

/** A gate a test opens by hand. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/**
 * Wraps a real store so a test can hold loads and appends at the storage boundary, to observe
 * what clients receive while data is not yet stored.
 */
export function gatedStore(inner: Storage) {
  const gates = { load: Promise.resolve(), append: Promise.resolve() };
  let appendsStarted = 0;
  const store: Storage = {
    ...inner,
    async loadUpdates(id) {
      await gates.load;
      return inner.loadUpdates(id);
    },
    async appendUpdates(batch) {
      appendsStarted++;
      await gates.append;
      return inner.appendUpdates(batch);
    },
  };
  return {
    store,
    gates,
    get appendsStarted() {
      return appendsStarted;
    },
  };
}
