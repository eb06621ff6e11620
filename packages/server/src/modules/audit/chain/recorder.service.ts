import { nowIso } from '../../../platform/db/clock.js';
import { newId } from '../../../platform/db/ids.js';
import type { Trx } from '../../../platform/db/schema.js';
import { AppError, domainError } from '../../../platform/errors.js';
import { auditErrors } from '../audit.errors.js';
import type { AuditEventsTable } from '../audit.tables.js';
import { canonicalize } from './canonical-json.js';
import type { AuditChain, AuditEventInput } from './chain.types.js';
import { changedFields, readableDiff } from './diff.js';
import { eventLeafHash, GENESIS_HASH } from './leaf.js';
import { appendRows, insertGenesisHead, isPostgresTrx, readLockedHead } from './recorder.repository.js';
import { eventMac, type RecorderSettings, recorderSettings } from './recorder.settings.js';

type Head = { seq: number; hash: string };

/**
 * Appends one event inside the caller's transaction. The chain-head row is locked first
 * (SELECT ... FOR UPDATE on PostgreSQL; SQLite transactions hold the database write lock
 * from BEGIN IMMEDIATE), so concurrent writers — threads, pools or processes — get
 * consecutive sequence numbers in commit order and a rollback leaves no gap.
 */
export async function recordEvent(
  trx: Trx,
  event: AuditEventInput,
  chain: AuditChain = 'main',
): Promise<{ id: string; seq: number }> {
  return (await recordEvents(trx, [event], chain))[0] as { id: string; seq: number };
}

/**
 * Appends several events, in order, inside the caller's transaction: the head is locked and
 * read once, the rows chained to each other in memory (each one's prev_hash is the previous
 * one's leaf hash, exactly as one by one), inserted in one statement, and the head moved once.
 * The stored rows are the same as `recordEvent` called for each in turn.
 */
export async function recordEvents(
  trx: Trx,
  events: readonly AuditEventInput[],
  chain: AuditChain = 'main',
): Promise<{ id: string; seq: number }[]> {
  if (events.length === 0) return [];
  for (const event of events) assertValid(event);
  const settings = recorderSettings(trx);
  // An event without its MAC could be forged by anyone with database access and still pass
  // as genuine: a handle no context configured (or one without the key) writes nothing.
  if (!settings.macKey)
    throw domainError(
      auditErrors.AUDIT_RECORDER_UNCONFIGURED,
      'Audit events need the installation MAC key: this database handle was not configured by an app context',
    );
  let head = await lockHead(trx, chain, settings);
  const rows: AuditEventsTable[] = [];
  for (const event of events) {
    const row = buildRow(event, chain, head, settings);
    rows.push(row);
    head = { seq: row.seq, hash: row.leaf_hash };
  }
  await appendRows(trx, rows, isPostgresTrx(trx));
  return rows.map((row) => ({ id: row.id, seq: row.seq }));
}

function buildRow(
  event: AuditEventInput,
  chain: string,
  head: Head,
  { clock, appVersion, macKey }: RecorderSettings,
): AuditEventsTable {
  const changes = changedFields(event.before, event.after);
  const actor = event.actor;
  const row: AuditEventsTable = {
    id: newId(),
    chain,
    seq: head.seq + 1,
    occurred_at: nowIso(clock),
    actor_type: actor.type,
    actor_id: actor.id ?? null,
    actor_name: actor.name,
    auth_method: actor.authMethod ?? null,
    on_behalf_of: actor.onBehalfOf ?? null,
    request_id: actor.requestId ?? null,
    ip: actor.ip ?? null,
    user_agent: actor.userAgent ?? null,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    changes: changes ? canonicalize(changes) : null,
    diff: readableDiff(changes),
    reason: event.reason ?? null,
    meaning: event.meaning ?? null,
    result: event.result ?? 'success',
    details: event.details ? canonicalize(event.details) : null,
    app_version: appVersion,
    prev_hash: head.hash,
    leaf_hash: '',
    mac: null,
  };
  row.leaf_hash = eventLeafHash(row);
  row.mac = eventMac(row.leaf_hash, macKey);
  return row;
}

/**
 * Locks and reads the chain head. Read on every event (a primary-key lookup, the lock is
 * already held after the first): a cached head could go stale if the caller rolled back
 * to a savepoint, and a stale head would break the chain.
 */
async function lockHead(trx: Trx, chain: string, settings: RecorderSettings): Promise<Head> {
  let row = await readLockedHead(trx, chain);
  if (!row) {
    await insertGenesisHead(trx, chain, GENESIS_HASH, nowIso(settings.clock));
    row = await readLockedHead(trx, chain);
  }
  if (!row) throw new Error(`audit chain head ${chain} is missing`);
  return row;
}

function assertValid(event: AuditEventInput): void {
  const problems: { field: string; message: string }[] = [];
  if (!/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/.test(event.action ?? ''))
    problems.push({ field: 'action', message: 'must be a catalogue action like module.entity.verb' });
  if (!event.entityType) problems.push({ field: 'entityType', message: 'is required' });
  if (!event.actor?.type || !event.actor.name)
    problems.push({ field: 'actor', message: 'type and name are required' });
  if (problems.length > 0) throw new AppError('VALIDATION', 'Invalid audit event', { fieldErrors: problems });
}
