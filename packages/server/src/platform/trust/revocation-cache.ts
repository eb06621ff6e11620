import type { CertificateStatus, RevokedEntry } from '@signx/pades';
import type { Db } from '../db/schema.js';
import type { RealtimeBus } from '../realtime/realtime-bus.js';
import { allRevocations, revocationOf } from './trust.repository.js';

/** The bus topic on which a process says it is revoking a certificate (payload: its serial). */
export const revokingTopic = 'trust:revoking';

export interface RevocationCacheOptions {
  db: () => Db;
  /** Carries "being revoked" to the other processes and nodes; absent: this process only. */
  bus?: (() => RealtimeBus) | undefined;
  /** The list is reloaded when older than this: the backstop for a lost bus message, or a process without the bus. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The platform CA's revocation list, held in memory for the public verification and OCSP
 * answers (read on every call; the table rarely changes). How it stays correct:
 *
 * - The list is loaded after subscribing to the bus, so no announcement falls between the two.
 * - `revoking(serial)` is called in the revoking transaction, before it commits; the serial is
 *   published on the bus, and every process (this one included) puts it in `pending`. A pending
 *   serial is always read from the database, so it reads "good" until the revocation commits
 *   and "revoked" from the commit on, and a rolled-back revocation never reads revoked. It
 *   leaves `pending` only when a reload finds it in the table.
 * - A serial neither in the list nor pending is good, without a query.
 * - The list is reloaded once it is `maxAgeMs` old (default 5 s, one query of the table): the
 *   backstop should a bus message be lost (Redis pub/sub is best effort) or a process revoke
 *   without a bus shared with this one. Within one process nothing can be lost.
 */
export function createRevocationCache(options: RevocationCacheOptions) {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 5_000;
  const pending = new Set<string>();
  let list: Map<string, RevokedEntry> | null = null;
  let loadedAt = 0;
  let loading: Promise<void> | null = null;
  let subscribed = false;

  const subscribe = () => {
    if (subscribed || !options.bus) return;
    subscribed = true;
    options.bus().subscribe(revokingTopic, (payload) => {
      if (typeof payload === 'string') pending.add(payload);
    });
  };
  const reload = () => {
    loading ??= (async () => {
      subscribe();
      const started = now();
      const rows = await allRevocations(options.db());
      list = new Map(rows.map((r) => [r.serial, r]));
      for (const serial of pending) if (list.has(serial)) pending.delete(serial);
      loadedAt = started;
    })().finally(() => {
      loading = null;
    });
    return loading;
  };
  const stale = () => list === null || now() - loadedAt > maxAgeMs;

  return {
    /** The status of a platform-issued certificate (serial normalized). */
    async statusOf(serial: string): Promise<CertificateStatus> {
      if (stale()) await reload();
      else if (pending.size > 0 && now() - loadedAt > 1_000) void reload().catch(() => {});
      let entry = list?.get(serial);
      if (!entry && pending.has(serial)) entry = await revocationOf(options.db(), serial);
      return entry
        ? { status: 'revoked', revokedAt: entry.revokedAt, reason: entry.reason }
        : { status: 'good' };
    },
    /** A revocation of this serial is being written (in a transaction not yet committed). */
    async revoking(serial: string): Promise<void> {
      subscribe();
      pending.add(serial);
      await options.bus?.().publish(revokingTopic, serial);
    },
  };
}
