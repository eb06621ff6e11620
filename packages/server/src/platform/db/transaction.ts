import { AsyncLocalStorage } from 'node:async_hooks';
import type { ControlledTransaction } from 'kysely';
import type { Db, DbOrTrx, Tables, Trx } from './schema.js';

const openTransaction = new AsyncLocalStorage<{ isOpen: boolean }>();
const heldTransaction = new AsyncLocalStorage<HeldTransaction>();
const beforeCommit = new AsyncLocalStorage<BeforeCommit>();
/** Hooks per open outermost transaction (see afterCommit); present exactly while it is open. */
const afterCommitHooks = new WeakMap<object, AfterCommit[]>();

/** Work that must follow a commit and must not be part of it (a wake-up); it handles its own errors. */
export type AfterCommit = () => Promise<void>;

/**
 * Runs `hook` once the outermost transaction `trx` (opened by inTransaction or a held
 * transaction) has committed, before that commit's caller continues; never when it rolls
 * back. Returns false when `trx` is not such a transaction (the root handle, or one opened
 * elsewhere): the caller then does the work itself. A hook that throws after the commit is
 * ignored (the commit stands), so hooks log their own failures.
 */
export function afterCommit(trx: DbOrTrx, hook: AfterCommit): boolean {
  const hooks = afterCommitHooks.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}

/** Opens `trx`'s hook list, runs `work`; returns the hooks to run after the commit. */
async function tracked<T>(
  trx: Trx,
  work: (trx: Trx) => Promise<T>,
): Promise<{ result: T; hooks: AfterCommit[] }> {
  const hooks: AfterCommit[] = [];
  afterCommitHooks.set(trx, hooks);
  try {
    return { result: await work(trx), hooks };
  } finally {
    afterCommitHooks.delete(trx);
  }
}

async function runAfterCommit(hooks: AfterCommit[]): Promise<void> {
  for (const hook of hooks) await hook().catch(() => undefined);
}

/** Last work of an outermost transaction, just before it commits (see withBeforeCommit). */
export type BeforeCommit = (trx: Trx) => Promise<void>;

/**
 * Runs `fn` so that every outermost transaction it opens (inTransaction, or a held one) runs
 * `hook` as its last step before committing: whatever the hook writes commits with the
 * work, or not at all. The request audit uses it to record a write's HTTP event in the
 * write's own transaction, so a crash after the commit cannot lose it.
 */
export function withBeforeCommit<T>(hook: BeforeCommit, fn: () => T): T {
  return beforeCommit.run(hook, fn);
}

/** `work`, then the before-commit hook of the current scope, if any. */
function withHook<T>(work: (trx: Trx) => Promise<T>): (trx: Trx) => Promise<T> {
  const hook = beforeCommit.getStore();
  if (!hook) return work;
  return async (trx) => {
    const result = await work(trx);
    await hook(trx);
    return result;
  };
}
const guardedDatabases = new WeakSet<object>();

/**
 * Turns on the root-handle guard (see assertOutsideTransaction) for transactions opened on
 * `db`. It costs a few microseconds per request (async context tracking), so production
 * configurations leave it off; tests and development keep it on, on both dialects.
 */
export function guardTransactions(db: Db): void {
  guardedDatabases.add(db);
}

/**
 * Runs `work` in one transaction: everything it writes (business rows, audit events,
 * enqueued jobs) commits together or not at all. Called with a transaction already open,
 * it joins it instead of nesting; inside `HeldTransaction.scope` it joins the held one.
 */
export async function inTransaction<T>(db: DbOrTrx, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Trx);
  const held = heldTransaction.getStore();
  if (held?.holds(db)) return held.join(work);
  const outermost = withHook(work);
  const done = guardedDatabases.has(db)
    ? await (db as Db).transaction().execute(async (trx) => {
        const scope = { isOpen: true };
        try {
          return await openTransaction.run(scope, () => tracked(trx, outermost));
        } finally {
          scope.isOpen = false;
        }
      })
    : await (db as Db).transaction().execute((trx) => tracked(trx, outermost));
  if (done.hooks.length > 0) await runAfterCommit(done.hooks);
  return done.result;
}

/**
 * Called by both dialects' drivers when a root-handle query asks for a connection. Inside
 * `inTransaction`'s work that is a bug: on SQLite it would wait forever for the connection
 * the transaction holds, on PostgreSQL it would silently read outside the transaction.
 */
export function assertOutsideTransaction(): void {
  if (openTransaction.getStore()?.isOpen === true) {
    throw new Error(
      'Query on the root database handle inside a transaction: use the transaction (trx) instead',
    );
  }
}

/**
 * One transaction for everything a request handler writes, left open until the caller has
 * written its last row and commits: the idempotency layer stores the HTTP reply in the same
 * transaction as the business rows, so a write is never committed without its reply.
 * Inside `scope`, `inTransaction(db, …)` joins this transaction, and a query on the root
 * handle while it is open is refused (on SQLite it would wait forever for the connection
 * this transaction holds; on PostgreSQL it would not see the uncommitted rows).
 */
export class HeldTransaction {
  private trx: Promise<ControlledTransaction<Tables>> | undefined;
  private failure: { error: unknown } | undefined;
  private readonly guard = { isOpen: false };

  constructor(private readonly db: Db) {}

  holds(db: DbOrTrx): boolean {
    return db === this.db;
  }

  /** Runs `handler` with its transactions on `db` joined into this one. */
  scope<T>(handler: () => Promise<T>): Promise<T> {
    return heldTransaction.run(this, () => openTransaction.run(this.guard, handler));
  }

  async join<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    if (this.failure) throw this.failure.error;
    const trx = await this.open();
    try {
      return await work(trx);
    } catch (error) {
      // As with a transaction of its own, a failed piece of work means nothing commits.
      this.failure = { error };
      throw error;
    }
  }

  /** Writes `last` (a transaction of its own if the handler opened none) and commits. */
  async commit(last: (trx: Trx) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure.error;
    const trx = await this.open();
    this.trx = undefined;
    // the handler's hooks and those `last` adds
    const hooks = afterCommitHooks.get(trx) ?? [];
    try {
      await withHook(last)(trx);
      afterCommitHooks.delete(trx);
      await trx.commit().execute();
    } catch (error) {
      afterCommitHooks.delete(trx);
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw error;
    } finally {
      this.guard.isOpen = false;
    }
    if (hooks.length > 0) await runAfterCommit(hooks);
  }

  /** Discards whatever the handler wrote (it failed). */
  async rollback(): Promise<void> {
    const pending = this.trx;
    this.trx = undefined;
    this.guard.isOpen = false;
    const trx = await pending?.catch(() => undefined);
    if (trx) afterCommitHooks.delete(trx);
    await trx
      ?.rollback()
      .execute()
      .catch(() => undefined);
  }

  private open(): Promise<ControlledTransaction<Tables>> {
    this.trx ??= this.db
      .startTransaction()
      .execute()
      .then((trx) => {
        this.guard.isOpen = true;
        afterCommitHooks.set(trx, []);
        return trx;
      });
    return this.trx;
  }
}
