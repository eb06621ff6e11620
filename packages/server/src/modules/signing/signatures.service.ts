import type { Actor } from '../../platform/actor.js';
import type { Db, DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { webhooks } from '../webhooks/index.js';
import { isRecordHashValid } from './record-hash.js';
import * as repo from './signatures.repository.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { signingIntegrationEvents } from './signing-events.js';

/**
 * Revokes a signature (seed: signatures/{id}/revoke): the record is marked revoked and the
 * per-signer certificate is revoked in the platform CA in the same transaction, so the CRL
 * and OCSP answers and the public verification all report it from the commit on.
 */
export async function revokeSignature(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  id: string,
  reason: string | null,
) {
  const row = await repo.findSignature(trx, id);
  if (!row) throw notFound('Signature');
  const at = deps.clock.now();
  if (!(await repo.markRevoked(trx, id, at.toISOString(), reason)))
    throw domainError(signingErrors.SIGNER_DONE, 'The signature is already revoked');
  // The signer's own certificate (certificate type) belongs to their CA, not ours: only the
  // record is revoked; platform-issued ones are revoked in the platform CRL/OCSP too.
  if (row.signature_type !== 'certificate')
    await deps.trust.revoke(trx, {
      serial: row.certificate_serial,
      reason: 'cessationOfOperation',
      at,
      subject: row.certificate_subject,
      note: `${row.signature_number}${reason ? `: ${reason}` : ''}`,
    });
  await deps.audit.record(trx, actor, {
    type: 'signing.signature.revoked',
    entityId: id,
    payload: { signature_number: row.signature_number, certificate_serial: row.certificate_serial, reason },
    before: { status: row.status },
    after: { status: 'revoked' },
  });
  await webhooks.emit(trx, deps.ctx, {
    type: signingIntegrationEvents.types['signature.revoked'],
    resource_type: 'signature',
    resource_id: id,
    data: {
      id,
      signature_number: row.signature_number,
      request_id: row.request_id,
      signer_id: row.signer_id,
      certificate_serial: row.certificate_serial,
      status: 'revoked',
      revoked_at: at.toISOString(),
      reason,
      links: { request: `${deps.publicUrl}/api/v1/digital-signature/requests/${row.request_id}` },
    },
  });
  return { ...row, status: 'revoked' as const, revoked_at: at.toISOString(), revoke_reason: reason };
}

const REASONS = {
  not_found: {
    en: 'No signature with this number exists',
    he: 'לא קיימת חתימה עם מספר זה',
    zh: '不存在此编号的签名',
  },
  revoked: { en: 'The signature was revoked', he: 'החתימה בוטלה', zh: '该签名已被撤销' },
  hash_mismatch: {
    en: 'The signature record was altered (hash mismatch)',
    he: 'רשומת החתימה שונתה (אי התאמה ב-Hash)',
    zh: '签名记录已被篡改（哈希不匹配）',
  },
  expired: { en: 'The signature is past its validity period', he: 'תוקף החתימה פג', zh: '签名已超过有效期' },
} as const;
type ReasonCode = keyof typeof REASONS;

function languageOf(acceptLanguage: string | undefined): 'en' | 'he' | 'zh' {
  const first = (acceptLanguage ?? '').toLowerCase().split(',')[0]?.trim() ?? '';
  if (first.startsWith('he') || first.startsWith('iw')) return 'he';
  if (first.startsWith('zh')) return 'zh';
  return 'en';
}

function invalid(
  number: string,
  code: ReasonCode,
  language: 'en' | 'he' | 'zh',
  extra: Record<string, unknown> = {},
) {
  const r = REASONS[code];
  return {
    valid: false,
    signature_number: number,
    ...extra,
    reason: r[language],
    reason_code: code,
    reason_he: r.he,
    reason_zh: r.zh,
    reason_en: r.en,
  };
}

/**
 * Public verification by number (seed shape): valid only when the record exists, is not
 * revoked, its SHA-512 record hash still matches, it is within its validity and the
 * platform CA does not list its certificate as revoked. Reveals nothing of the documents.
 */
export async function verifySignature(
  db: Db,
  deps: SigningDeps,
  number: string,
  acceptLanguage: string | undefined,
) {
  const language = languageOf(acceptLanguage);
  const row = await repo.findSignatureByNumber(db, number);
  if (!row) return invalid(number, 'not_found', language);
  const certificate = await deps.trust.statusOf(row.certificate_serial);
  const facts = {
    signer_name: row.signer_name,
    signed_at: row.signed_at,
    signature_type: row.signature_type,
    entity_type: row.entity_type,
    status: row.status,
    request_number: row.request_number,
    certificate_serial: row.certificate_serial,
    certificate_status: certificate.status,
    hash_valid: isRecordHashValid(row),
    ...(row.revoked_at ? { revoked_at: row.revoked_at } : {}),
  };
  if (row.status === 'revoked' || certificate.status === 'revoked')
    return invalid(number, 'revoked', language, facts);
  if (!facts.hash_valid) return invalid(number, 'hash_mismatch', language, facts);
  if (row.valid_until <= deps.clock.now().toISOString()) return invalid(number, 'expired', language, facts);
  return { valid: true, signature_number: row.signature_number, ...facts };
}

/** Every signature on one record (seed: get_entity_signatures). */
export async function signaturesOnEntity(db: DbOrTrx, entityType: string, entityId: string) {
  return repo.signaturesOfEntity(db, entityType, entityId);
}
