/**
 * The one SQLite connection, lent to one caller at a time, in the order they asked. Kysely's
 * own SQLite driver guards it with a mutex whose waiters all await one shared promise: each
 * release wakes every waiter, one takes the connection and the rest queue again. Under
 * concurrent requests (a page is two statements, each a lock and a release, with other
 * requests' statements waiting meanwhile) that is work proportional to the number of waiters
 * on every release. Here a release hands the connection straight to the longest waiter: one
 * wake-up per release, whatever the queue's length. A transaction still holds the connection
 * from its acquisition to its release, so nothing else runs on it meanwhile.
 */
export class ConnectionQueue {
  private isLent = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves once the caller holds the connection. */
  acquire(): Promise<void> {
    if (!this.isLent) {
      this.isLent = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Passes the connection to the next waiter, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.isLent = false;
  }

  /** Callers waiting for the connection (for tests and diagnostics). */
  get waiters(): number {
    return this.waiting.length;
  }
}
