import { validate } from '@signx/pades';
import { decodeJson } from '../../platform/db/json-codec.js';
import type { Db } from '../../platform/db/schema.js';
import { documents } from '../documents/index.js';
import { combinedDocumentHash, isRecordHashValid } from './record-hash.js';
import * as repo from './signatures.repository.js';
import type { SigningDeps } from './signing.deps.js';

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
  document_invalid: {
    en: 'The signed document no longer verifies (altered, missing or its PDF signature is broken)',
    he: 'המסמך החתום אינו עובר אימות (שונה, חסר או שחתימת ה-PDF שלו פגומה)',
    zh: '已签署的文档无法通过验证（已被篡改、缺失或其PDF签名已损坏）',
  },
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
 * revoked, its SHA-512 record hash still matches, the versions it lists hash to the recorded
 * document hash, each of them still verifies as a PDF signature (memoised by content hash in
 * `deps.verifiedVersions`), it is within its validity and the platform CA does not list its
 * certificate as revoked. Status, revocation, validity and the record hash are read and
 * checked on every call. Reveals nothing of the documents. One SQL statement per call.
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
  const produced = producedHashes(row.documents);
  const facts = {
    signer_name: row.signer_name,
    signed_at: row.signed_at,
    signature_type: row.signature_type,
    entity_type: row.entity_type,
    status: row.status,
    request_number: row.request_number,
    certificate_serial: row.certificate_serial,
    certificate_status: certificate.status,
    hash_valid:
      isRecordHashValid(row) && produced !== null && combinedDocumentHash(produced) === row.document_hash,
    ...(row.revoked_at ? { revoked_at: row.revoked_at } : {}),
  };
  if (row.status === 'revoked' || certificate.status === 'revoked')
    return invalid(number, 'revoked', language, facts);
  if (!facts.hash_valid) return invalid(number, 'hash_mismatch', language, facts);
  if (row.valid_until <= deps.clock.now().toISOString()) return invalid(number, 'expired', language, facts);
  const own = row.signature_type === 'certificate';
  for (const sha256 of produced ?? [])
    if (!(await versionVerifies(deps, sha256, own)))
      return invalid(number, 'document_invalid', language, { ...facts, document_valid: false });
  return { valid: true, signature_number: row.signature_number, ...facts, document_valid: true };
}

/** The SHA-256s of the versions the signature produced (its `documents` column), null when unreadable. */
function producedHashes(documentsJson: string): string[] | null {
  try {
    const list = decodeJson<{ sha256?: unknown }[]>(documentsJson);
    if (!Array.isArray(list) || list.some((d) => typeof d?.sha256 !== 'string')) return null;
    return list.map((d) => d.sha256 as string);
  } catch {
    return null;
  }
}

/**
 * The version's stored bytes hash to `sha256` and its last signature (the one that produced
 * it) verifies: digest, CMS signature, signing-certificate binding and, for a certificate of
 * the platform CA, the chain to the platform root (a signer's own certificate chains to their
 * CA, which the platform does not vouch for). Memoised per app context by content hash.
 */
function versionVerifies(deps: SigningDeps, sha256: string, own: boolean): Promise<boolean> {
  return deps.verifiedVersions.check(
    `${sha256}:${own ? 'own' : 'platform'}`,
    deps.clock.now().getTime(),
    () => documents.readStored(deps.ctx, sha256),
    async (bytes) => {
      const root = await deps.trust.rootCertificate();
      const report = await validate(bytes, { trustAnchors: [root], revocation: 'embedded' }).catch(
        () => null,
      );
      const last = report?.signatures.filter((s) => s.kind === 'signature').at(-1);
      if (!last?.digestMatches || !last.signatureValid || last.signingCertificateV2 === 'mismatch')
        return false;
      return last.coverage.coversWholeFile && (own || last.chain.isTrusted);
    },
  );
}
