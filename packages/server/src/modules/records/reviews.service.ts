import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, forbidden, invalid, notFound } from '../../platform/errors.js';
import { canonicalize } from '../audit/index.js';
import { usersByIds } from '../identity/index.js';
import type { RecordVersion, SignedRecord } from './operations.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import * as reviews from './reviews.repository.js';
import type { NewFinding, NewReview } from './reviews.schemas.js';
import { findSignature } from './signatures.repository.js';

/**
 * Audit-trail reviews (EU GMP Annex 11 §9, 21 CFR 11.10(e)): a manager opens a review of a
 * period (optionally one module or entity type) for a reviewer; the reviewer adds findings
 * and signs it off with an electronic signature (`audit_review`/`sign_off`, reviews.signable.ts),
 * which binds the exact findings (their hash) and closes the review in its own transaction.
 * Every step is audited.
 */
export async function createReview(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: NewReview,
): Promise<reviews.ReviewRow> {
  const from = new Date(input.period_from);
  const to = new Date(input.period_to);
  if (!(from < to)) throw invalid('period_to', 'The period must end after it starts');
  const reviewer = (await usersByIds(trx, [input.reviewer_id])).get(input.reviewer_id);
  if (!reviewer || reviewer.status === 'disabled') throw invalid('reviewer_id', 'No such active user');
  const now = deps.clock.now().toISOString();
  const row: reviews.ReviewRow = {
    id: newId(),
    reviewer_id: input.reviewer_id,
    period_from: from.toISOString(),
    period_to: to.toISOString(),
    scope_module: input.scope_module?.trim() || null,
    scope_entity_type: input.scope_entity_type?.trim() || null,
    status: 'open',
    signature_id: null,
    signed_off_at: null,
    created_by: actor.userId ?? actor.name,
    created_at: now,
    updated_at: now,
  };
  await reviews.insertReview(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'records.review.created',
    entityId: row.id,
    payload: {
      reviewer_id: row.reviewer_id,
      period_from: row.period_from,
      period_to: row.period_to,
      scope_module: row.scope_module,
      scope_entity_type: row.scope_entity_type,
    },
    after: { ...row },
  });
  return row;
}

export async function addFinding(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  reviewId: string,
  input: NewFinding,
): Promise<reviews.FindingRow> {
  const review = await openReviewOf(trx, reviewId);
  assertReviewer(actor, review);
  const now = deps.clock.now().toISOString();
  if (!(await reviews.touchOpenReview(trx, reviewId, now))) throw signedOff();
  const row: reviews.FindingRow = {
    id: newId(),
    review_id: reviewId,
    severity: input.severity,
    text: input.text.trim(),
    created_by: actor.userId ?? actor.name,
    created_at: now,
  };
  if (!row.text) throw invalid('text', 'A finding cannot be blank');
  await reviews.insertFinding(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'records.review.finding_added',
    entityId: reviewId,
    payload: { finding_id: row.id, severity: row.severity, text: row.text },
    after: { ...row },
  });
  return row;
}

export function listReviews(
  db: DbOrTrx,
  query: PageRequest & { status?: string; reviewer_id?: string },
): Promise<Page<reviews.ReviewRow>> {
  return reviews.reviewPage(db, query, query);
}

export async function reviewerNames(db: DbOrTrx, rows: reviews.ReviewRow[]): Promise<Map<string, string>> {
  const users = await usersByIds(db, [...new Set(rows.map((r) => r.reviewer_id))]);
  return new Map([...users].map(([id, u]) => [id, u.full_name || u.username]));
}

export async function reviewDetail(db: DbOrTrx, id: string) {
  const review = await reviews.findReview(db, id);
  if (!review) throw notFound('Audit-trail review');
  const findings = await reviews.findingsOf(db, id);
  const signature = review.signature_id ? await findSignature(db, review.signature_id) : undefined;
  return { review, findings, signature };
}

/** What the sign-off signs: the review's period, scope and findings, hashed (version = findings). */
export async function reviewRecord(db: DbOrTrx, id: string): Promise<RecordVersion> {
  const review = await openReviewOf(db, id);
  const findings = await reviews.findingsOf(db, id);
  const content = canonicalize({
    id: review.id,
    reviewer_id: review.reviewer_id,
    period_from: review.period_from,
    period_to: review.period_to,
    scope_module: review.scope_module,
    scope_entity_type: review.scope_entity_type,
    findings: findings.map((f) => ({ id: f.id, severity: f.severity, text: f.text })),
  });
  return { version: String(findings.length), sha256: createHash('sha256').update(content).digest('hex') };
}

/** Before the ceremony: the reviewer, holding records.review.perform, signs off an open review. */
export async function assertSignOff(db: DbOrTrx, actor: Actor, id: string): Promise<void> {
  assertReviewer(actor, await openReviewOf(db, id));
}

/** In the signature's transaction: closes the review, exactly once. */
export async function closeReview(trx: Trx, deps: RecordsDeps, actor: Actor, signed: SignedRecord) {
  if (
    !(await reviews.markSignedOff(trx, signed.resourceId, {
      signatureId: signed.signatureId,
      at: signed.timestamp,
    }))
  )
    throw signedOff();
  const findings = await reviews.findingsOf(trx, signed.resourceId);
  await deps.audit.record(trx, actor, {
    type: 'records.review.signed_off',
    entityId: signed.resourceId,
    payload: { signature_id: signed.signatureId, findings: findings.length },
    before: { status: 'open' },
    after: { status: 'signed_off', signature_id: signed.signatureId },
  });
}

function assertReviewer(actor: Actor, review: reviews.ReviewRow): void {
  if (!actor.permissions.has('records.review.perform')) throw forbidden();
  if (actor.userId !== review.reviewer_id)
    throw domainError(recordsErrors.NOT_THE_REVIEWER, 'Only the assigned reviewer does this');
}

async function openReviewOf(db: DbOrTrx, id: string): Promise<reviews.ReviewRow> {
  const review = await reviews.findReview(db, id);
  if (!review) throw notFound('Audit-trail review');
  if (review.status !== 'open') throw signedOff();
  return review;
}

const signedOff = () =>
  domainError(recordsErrors.REVIEW_SIGNED_OFF, 'This audit-trail review is signed off already');
