import { encodeJson } from '../db/json-codec.js';
import type { DbOrTrx } from '../db/schema.js';
import { afterCommit } from '../db/transaction.js';
import type { Logger } from '../logger.js';
import type { JobDefinition } from './job-definition.js';

type Ensure = <P>(db: DbOrTrx, def: JobDefinition<P>, payload: P) => Promise<unknown>;

/**
 * `JobRuntime.ensureQueuedAfterCommit` of one runtime: the check for a waiting run (and the
 * enqueue when none waits) happens once the caller's transaction has committed, on the root
 * handle, so the business transaction writes nothing but its own rows. Commits that land
 * while a check is running share one follow-up check that starts after it (so it starts
 * after each of those commits, and any run it finds or enqueues sees their writes).
 */
export function ensureAfterCommit(root: DbOrTrx, ensure: Ensure, logger: Logger) {
  const lanes = new Map<string, { running?: Promise<void>; next?: Promise<void> }>();
  const soon = <P>(def: JobDefinition<P>, payload: P): Promise<void> => {
    const key = `${def.name}\u0000${encodeJson(payload)}`;
    let lane = lanes.get(key);
    if (!lane) {
      lane = {};
      lanes.set(key, lane);
    }
    if (lane.next) return lane.next;
    const state = lane;
    const next = (state.running ?? Promise.resolve()).then(async () => {
      state.running = next;
      state.next = undefined;
      try {
        await ensure(root, def, payload);
      } catch (error) {
        // the committed rows stay: whatever sweeps this job's work picks them up later
        logger.error({ err: error, job: def.name }, 'wake-up after commit failed');
      } finally {
        if (state.running === next) state.running = undefined;
        if (!state.running && !state.next) lanes.delete(key);
      }
    });
    state.next = next;
    return next;
  };
  return async <P>(trx: DbOrTrx, def: JobDefinition<P>, payload: P): Promise<void> => {
    def.check(payload);
    if (!afterCommit(trx, () => soon(def, payload))) await ensure(trx, def, payload);
  };
}
