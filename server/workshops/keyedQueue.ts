/**
 * Runs tasks one after another per key (a board's workshop): a ballot's budget check, a vote's
 * opening or the start of a workshop never interleave with another change of the same
 * workshop in this process. The storage checks the same rules in its transactions, which is
 * what holds across server instances.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
