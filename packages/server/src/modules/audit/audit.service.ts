import { nowIso } from '../../platform/db/clock.js';
import { type Page, type PageRequest, paginate } from '../../platform/db/pagination.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { auditEvents } from './audit.catalogue.js';
import { type AuditDeps, CHECKPOINT_KEY } from './audit.deps.js';
import type { AuditFilter } from './audit.schemas.js';
import type { AuditEventsTable } from './audit.tables.js';
import { eventById } from './chain/chain.repository.js';
import type { AuditActor } from './chain/chain.types.js';
import { AUDIT_CHAINS } from './chain/chain.types.js';
import { recordEvent } from './chain/recorder.service.js';
import { recorderSettings } from './chain/recorder.settings.js';
import type { SignedCheckpoint } from './checkpoints/checkpoint.js';
import { latestCheckpoint } from './checkpoints/checkpoints.repository.js';
import { checkpointAll, createCheckpoint } from './checkpoints/checkpoints.service.js';
import { eventsToCsv } from './export/csv.format.js';
import { countEventsThrough, exportEvents, filteredEvents } from './export/events.repository.js';
import type { AuditBundle } from './proofs/bundle.js';
import { buildBundle } from './proofs/bundle.service.js';
import { complianceReportPdf } from './reports/report.pdf.js';
import { type VerifyReport, verifyAuditLog } from './verify/verify.service.js';

/** The review and verification use cases behind the admin API. Reads of the audit log are audited too. */
export async function queryEvents(
  deps: AuditDeps,
  query: AuditFilter & PageRequest,
): Promise<Page<AuditEventsTable>> {
  return paginate(filteredEvents(deps.db, query), query, { occurred_at: 'occurred_at', seq: 'seq' });
}

/** One event with a bundle proving it (inclusion in the latest signed checkpoint). */
export async function eventEvidence(deps: AuditDeps, id: string): Promise<AuditBundle> {
  const event = await eventById(deps.db, id);
  if (!event) throw notFound('audit event');
  const seq = Number(event.seq);
  return buildBundle(deps, event.chain, [event], { filter: { id }, throughSeq: seq, total: 1 });
}

/** Signs a checkpoint of every chain with events since its last one (the admin's button). */
export function signCheckpoints(deps: AuditDeps): Promise<SignedCheckpoint[]> {
  return checkpointAll(deps, AUDIT_CHAINS);
}

export async function runVerification(deps: AuditDeps, actor: AuditActor): Promise<VerifyReport> {
  const report = await verifyAuditLog(deps, AUDIT_CHAINS);
  await note(
    deps,
    actor,
    auditEvents['verify.run'],
    { is_valid: report.isValid, events: report.events },
    report.isValid,
  );
  return report;
}

export async function exportCsv(
  deps: AuditDeps,
  filter: AuditFilter,
  limit: number,
  actor: AuditActor,
): Promise<string> {
  const rows = await exportedRows(deps, { filter, limit, actor }, auditEvents['export.csv']);
  return eventsToCsv(rows);
}

export async function exportBundle(
  deps: AuditDeps,
  filter: AuditFilter,
  limit: number,
  actor: AuditActor,
): Promise<AuditBundle> {
  const chain = filter.chain ?? 'main';
  // Fix the end of the selection first, so "all matching events up to N" is a true statement.
  await createCheckpoint(deps, chain);
  const throughSeq = (await latestCheckpoint(deps.db, chain))?.tree_size ?? 0;
  const bounded = { ...filter, chain };
  const rows = (await exportedRows(deps, { filter, limit, actor }, auditEvents['export.bundle'])).filter(
    (row) => Number(row.seq) <= throughSeq,
  );
  const total = await countEventsThrough(deps.db, bounded, throughSeq);
  return buildBundle(deps, chain, rows, { filter: bounded, throughSeq, total });
}

export async function exportPdf(
  deps: AuditDeps,
  filter: AuditFilter,
  limit: number,
  actor: AuditActor,
): Promise<Uint8Array> {
  const rows = await exportedRows(deps, { filter, limit, actor }, auditEvents['export.pdf']);
  const chain = filter.chain ?? 'main';
  // A log that no longer verifies gets no new checkpoint; the report then shows where it breaks.
  await createCheckpoint(deps, chain).catch(() => null);
  const verification = await verifyAuditLog(deps, AUDIT_CHAINS);
  return complianceReportPdf({
    chain,
    generatedAt: nowIso(deps.clock),
    generatedBy: actor.name,
    appVersion: deps.appVersion ?? recorderSettings(deps.db).appVersion,
    filter,
    verification,
    checkpoint: (await latestCheckpoint(deps.db, chain)) ?? null,
    keyId: deps.keyring.signingKey(CHECKPOINT_KEY).keyId,
    events: rows,
  });
}

/** The events an export contains; every export is itself recorded, with its filter and size. */
async function exportedRows(
  deps: AuditDeps,
  request: { filter: AuditFilter; limit: number; actor: AuditActor },
  action: string,
): Promise<AuditEventsTable[]> {
  const rows = await exportEvents(deps.db, request.filter, request.limit);
  await note(deps, request.actor, action, { filter: request.filter, count: rows.length });
  return rows;
}

async function note(
  deps: AuditDeps,
  actor: AuditActor,
  action: string,
  details: Record<string, unknown>,
  isSuccess = true,
): Promise<void> {
  await inTransaction(deps.db, (trx) =>
    recordEvent(trx, {
      action,
      actor,
      entityType: 'audit_log',
      details,
      result: isSuccess ? 'success' : 'failure',
    }),
  );
}
