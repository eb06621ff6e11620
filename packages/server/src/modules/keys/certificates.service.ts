import {
  issueOrganisationCertificate,
  normalizeSerial,
  organisationOf,
  PadesError,
  parseCertificate,
  type RevocationReason,
  readPkcs12,
} from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { conflict, domainError, invalid } from '../../platform/errors.js';
import { isTokenKeyAlgorithm, TOKEN_KEY_ALGORITHMS } from '../../platform/hsm/key-encoding.js';
import { fileKeyMaterial, generateKeyMaterial, type NewKeyMaterial } from './key-material.js';
import { chainToText, toB64 } from './keys.codec.js';
import type { KeysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';
import { assertAllowed, authorizeManage } from './keys.policy.js';
import * as repo from './keys.repository.js';
import type { KeyStorage } from './keys.tables.js';
import { usccProblem } from './uscc.js';

/** A key made before the transaction (key generation, HSM calls), recorded inside it. */
export interface PreparedKey {
  keyId: string;
  material: NewKeyMaterial;
  /** PKCS#12 imports: the certificate and chain that came with the key. */
  imported?: { certificate: Uint8Array; chain: Uint8Array[] };
}

export interface OrganisationInput {
  legal_name: string;
  uscc: string;
  validity_days?: number;
}

export function assertUscc(uscc: string): void {
  const problem = usccProblem(uscc);
  if (problem) {
    throw domainError(keysErrors.USCC_INVALID, `The unified social credit code ${problem}`, {
      fieldErrors: [{ field: 'uscc', message: problem }],
    });
  }
}

/** Step 1 of generating: checks the input and makes the key (in a file or in the HSM), outside any transaction. */
export function prepareGeneratedKey(
  deps: KeysDeps,
  actor: Actor,
  input: OrganisationInput & { storage: KeyStorage; algorithm?: string | undefined },
): PreparedKey {
  authorizeManage(actor);
  assertUscc(input.uscc);
  const algorithm = input.algorithm ?? 'EC-P256';
  if (!isTokenKeyAlgorithm(algorithm)) {
    throw invalid(
      'algorithm',
      `Unsupported key algorithm ${algorithm}: use ${TOKEN_KEY_ALGORITHMS.join(', ')}`,
    );
  }
  const keyId = newId();
  const label = `signx-org-${input.uscc}-${keyId.slice(-8)}`;
  return {
    keyId,
    material: generateKeyMaterial(input.storage, keyId, label, deps.wrapSecret, deps.token, algorithm),
  };
}

/** Step 1 of importing: opens the PKCS#12 and checks it names an organisation with a valid code. */
export function preparePkcs12(
  deps: KeysDeps,
  actor: Actor,
  input: { pkcs12: Uint8Array; password: string; uscc?: string | undefined },
): PreparedKey & { legalName: string; uscc: string } {
  authorizeManage(actor);
  let opened: ReturnType<typeof readPkcs12>;
  try {
    opened = readPkcs12(input.pkcs12, input.password);
  } catch (err) {
    const message = err instanceof PadesError ? err.message : 'unreadable PKCS#12 file';
    throw domainError(keysErrors.PKCS12_UNREADABLE, `The PKCS#12 file cannot be opened: ${message}`);
  }
  const org = organisationOf(opened.certificate);
  const uscc = input.uscc ?? org.registrationId ?? '';
  if (!org.organization || (org.registrationId && org.registrationId !== uscc)) {
    throw domainError(
      keysErrors.PKCS12_NOT_ORGANISATION,
      'The certificate must name the organisation (O) and, if it carries one, the same credit code',
    );
  }
  assertUscc(uscc);
  const keyId = newId();
  return {
    keyId,
    material: fileKeyMaterial(opened.key, keyId, deps.wrapSecret),
    imported: { certificate: opened.certificate, chain: opened.chain },
    legalName: org.organization,
    uscc,
  };
}

/** Step 2: records the key and its certificate (issued now by the platform CA, or imported), audited. */
export async function recordCertificate(
  trx: Trx,
  deps: KeysDeps,
  actor: Actor,
  input: OrganisationInput,
  prepared: PreparedKey,
  predecessorId: string | null = null,
): Promise<repo.CertificateRow> {
  authorizeManage(actor);
  const now = deps.clock.now().toISOString();
  const { certificate, chain } = prepared.imported ?? (await issueFor(deps, input, prepared.material.spki));
  const parsed = parseCertificate(certificate);
  const m = prepared.material;
  await repo.insertKey(trx, {
    id: prepared.keyId,
    label: `${input.legal_name} (${input.uscc})`,
    storage: m.storage,
    algorithm: m.algorithm,
    spki: toB64(m.spki),
    wrapped_key: m.wrappedKey,
    token_label: m.tokenLabel,
    token_object_id: m.tokenObjectId,
    state: 'active',
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  const row: repo.CertificateRow = {
    id: newId(),
    key_id: prepared.keyId,
    source: prepared.imported ? 'pkcs12' : 'issued',
    legal_name: input.legal_name,
    uscc: input.uscc,
    subject: parsed.subject,
    issuer: parsed.issuer,
    serial: normalizeSerial(parsed.serial),
    not_before: parsed.notBefore.toISOString(),
    not_after: parsed.notAfter.toISOString(),
    certificate: toB64(certificate),
    chain: chainToText(chain),
    state: 'active',
    predecessor_id: predecessorId,
    successor_id: null,
    revoked_at: null,
    revocation_reason: null,
    expiry_warned_at: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertCertificate(trx, row);
  if (!predecessorId) {
    const payload = { legal_name: row.legal_name, uscc: row.uscc, serial: row.serial, storage: m.storage };
    const type = prepared.imported ? 'keys.certificate.imported' : 'keys.certificate.issued';
    await deps.audit.record(trx, actor, { type, entityId: row.id, payload, after: { state: 'active' } });
  }
  return row;
}

async function issueFor(deps: KeysDeps, input: OrganisationInput, spki: Uint8Array) {
  const m = await deps.trust.material();
  const certificate = await issueOrganisationCertificate(m.issuing, {
    spki,
    legalName: input.legal_name,
    registrationId: input.uscc,
    validityDays: input.validity_days ?? 2 * 365,
    ...(await deps.trust.issuingPointers()),
  });
  return { certificate, chain: [m.issuing.certificate, ...m.issuing.chain] };
}

/** The certificate `id`, refused in a state that does not allow `action`; 40477 when unknown. */
export async function certificateFor(db: DbOrTrx, id: string): Promise<repo.CertificateRow> {
  const row = await repo.findCertificate(db, id);
  if (!row) throw domainError(keysErrors.CERTIFICATE_NOT_FOUND, 'No organisation certificate with that id');
  return row;
}

/** Rotation step 1: the new key, made in the same storage and of the same algorithm as the old one, outside the transaction. */
export async function prepareRotation(
  db: DbOrTrx,
  deps: KeysDeps,
  actor: Actor,
  id: string,
): Promise<PreparedKey> {
  authorizeManage(actor);
  const current = await certificateFor(db, id);
  assertAllowed(current.state, 'rotate');
  const key = await repo.findKey(db, current.key_id);
  const storage = key?.storage ?? 'file';
  // the new key is of the old one's algorithm (an imported key of another shape gets EC P-256)
  const algorithm = key && isTokenKeyAlgorithm(key.algorithm) ? key.algorithm : 'EC-P256';
  const { legal_name, uscc } = current;
  return prepareGeneratedKey(deps, actor, { legal_name, uscc, storage, algorithm });
}

/**
 * Rotation step 2: a new certificate for the same organisation; the old one becomes
 * `superseded` (not revoked: signatures made with it keep validating) and its key retired.
 */
export async function rotateCertificate(
  trx: Trx,
  deps: KeysDeps,
  actor: Actor,
  id: string,
  prepared: PreparedKey,
  validityDays?: number,
): Promise<repo.CertificateRow> {
  const old = await certificateFor(trx, id);
  assertAllowed(old.state, 'rotate');
  const input = { legal_name: old.legal_name, uscc: old.uscc, validity_days: validityDays };
  const next = await recordCertificate(trx, deps, actor, input, prepared, old.id);
  const now = next.created_at;
  if (
    !(await repo.moveCertificate(trx, old.id, 'active', {
      state: 'superseded',
      successor_id: next.id,
      updated_at: now,
    }))
  ) {
    throw conflict('The certificate changed while you acted; please retry');
  }
  await repo.retireKey(trx, old.key_id, now);
  await deps.audit.record(trx, actor, {
    type: 'keys.certificate.rotated',
    entityId: old.id,
    payload: {
      legal_name: old.legal_name,
      uscc: old.uscc,
      serial: old.serial,
      storage: prepared.material.storage,
      successor_id: next.id,
    },
    before: { state: old.state },
    after: { state: 'superseded', successor_serial: next.serial },
  });
  return next;
}

/** Revokes a certificate; one the platform CA issued is published on its CRL and OCSP in the same transaction. */
export async function revokeCertificate(
  trx: Trx,
  deps: KeysDeps,
  actor: Actor,
  id: string,
  reason: RevocationReason,
): Promise<repo.CertificateRow> {
  authorizeManage(actor);
  const row = await certificateFor(trx, id);
  assertAllowed(row.state, 'revoke');
  const now = deps.clock.now();
  const changes = {
    state: 'revoked' as const,
    revoked_at: now.toISOString(),
    revocation_reason: reason,
    updated_at: now.toISOString(),
  };
  if (!(await repo.moveCertificate(trx, row.id, row.state, changes))) {
    throw conflict('The certificate changed while you acted; please retry');
  }
  await repo.retireKey(trx, row.key_id, now.toISOString());
  const storage = (await repo.findKey(trx, row.key_id))?.storage ?? 'file';
  const m = await deps.trust.material();
  if (row.issuer === parseCertificate(m.issuing.certificate).subject) {
    await deps.trust.revoke(trx, {
      serial: row.serial,
      reason,
      at: now,
      subject: row.subject,
      note: `keys:${row.id}`,
    });
  }
  await deps.audit.record(trx, actor, {
    type: 'keys.certificate.revoked',
    entityId: row.id,
    payload: { legal_name: row.legal_name, uscc: row.uscc, serial: row.serial, storage, reason },
    before: { state: row.state },
    after: { state: 'revoked' },
    reason,
  });
  return { ...row, ...changes };
}
