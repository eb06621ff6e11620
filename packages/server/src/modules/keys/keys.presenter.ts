import type { Actor } from '../../platform/actor.js';
import { allowedActions } from './keys.policy.js';
import type { CertificateView } from './keys.schemas.js';
import type { CertificateListing } from './listing.service.js';

/** A certificate row (with its key and latest self-test, read by the service) as the API shows it. */
export function presentCertificate(item: CertificateListing, actor: Actor, now: Date): CertificateView {
  const { row, key, test } = item;
  return {
    id: row.id,
    legal_name: row.legal_name,
    uscc: row.uscc,
    subject: row.subject,
    issuer: row.issuer,
    serial: row.serial,
    source: row.source,
    storage: key?.storage ?? 'file',
    algorithm: key?.algorithm ?? 'unknown',
    state: row.state,
    not_before: row.not_before,
    not_after: row.not_after,
    days_left: Math.floor((Date.parse(row.not_after) - now.getTime()) / 86_400_000),
    predecessor_id: row.predecessor_id,
    successor_id: row.successor_id,
    revoked_at: row.revoked_at,
    revocation_reason: row.revocation_reason,
    last_self_test_at: test?.ran_at ?? null,
    last_self_test_ok: test ? test.ok === 1 : null,
    created_at: row.created_at,
    allowed_actions: allowedActions(actor, row.state),
  };
}
