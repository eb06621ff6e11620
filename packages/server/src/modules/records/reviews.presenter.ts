import type { Static } from '@sinclair/typebox';
import type { FindingRow, ReviewRow } from './reviews.repository.js';
import type { findingView, reviewView } from './reviews.schemas.js';
import type { SignatureRow } from './signatures.repository.js';

/** Review rows out as responses; no I/O. */
export function presentReview(row: ReviewRow, reviewerName: string): Static<typeof reviewView> {
  return {
    id: row.id,
    reviewer_id: row.reviewer_id,
    reviewer_name: reviewerName,
    period_from: row.period_from,
    period_to: row.period_to,
    scope_module: row.scope_module,
    scope_entity_type: row.scope_entity_type,
    status: row.status,
    signed_off_at: row.signed_off_at,
    created_by: row.created_by,
    created_at: row.created_at,
  };
}

export function presentFinding(row: FindingRow): Static<typeof findingView> {
  return {
    id: row.id,
    severity: row.severity,
    text: row.text,
    created_by: row.created_by,
    created_at: row.created_at,
  };
}

export function presentSignOff(row: SignatureRow | undefined) {
  if (!row) return null;
  return {
    signature_id: row.id,
    signer_name: row.signer_name,
    signature_mean: row.signature_mean,
    reason: row.reason,
    timestamp: row.timestamp,
  };
}
