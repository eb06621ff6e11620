import { createLocalSigner, type Signer } from '@signx/pades';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { createPkcs11Signer } from '../../platform/hsm/pkcs11-signer.js';
import { certificateFor } from './certificates.service.js';
import { unwrapPrivateKey } from './key-material.js';
import { chainFromText, fromB64 } from './keys.codec.js';
import type { KeysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';
import * as repo from './keys.repository.js';

/** What other modules may know of an organisation certificate (no key material). */
export interface OrganisationCertificateInfo {
  id: string;
  /** The certificate that signs for this one now: itself, or the end of its rotation chain. */
  current_id: string;
  legal_name: string;
  uscc: string;
  subject: string;
  issuer: string;
  serial: string;
  state: 'active' | 'superseded' | 'revoked';
  storage: 'file' | 'pkcs11';
  not_before: string;
  not_after: string;
  /** DER of the certificate. */
  certificate: Uint8Array;
}

/** Follows the rotation chain from `id` to the certificate in force (at most 100 links). */
export async function currentCertificate(db: DbOrTrx, id: string): Promise<repo.CertificateRow> {
  let row = await certificateFor(db, id);
  for (let i = 0; i < 100 && row.state === 'superseded' && row.successor_id; i++) {
    row = await certificateFor(db, row.successor_id);
  }
  return row;
}

export async function describeCertificate(db: DbOrTrx, id: string): Promise<OrganisationCertificateInfo> {
  const row = await certificateFor(db, id);
  const current = row.state === 'superseded' ? await currentCertificate(db, id) : row;
  const key = await repo.findKey(db, row.key_id);
  return {
    id: row.id,
    current_id: current.id,
    legal_name: row.legal_name,
    uscc: row.uscc,
    subject: row.subject,
    issuer: row.issuer,
    serial: row.serial,
    state: row.state,
    storage: key?.storage ?? 'file',
    not_before: row.not_before,
    not_after: row.not_after,
    certificate: fromB64(row.certificate),
  };
}

/**
 * The Signer for organisation certificate `id`. A rotated certificate signs with its
 * successor (new signatures use the new key), a revoked one (40980) or an expired one
 * (40982) refuses. The state is read on every call, so a revocation stops signing at once.
 */
export async function signerFor(deps: KeysDeps, id: string): Promise<Signer> {
  const row = await currentCertificate(deps.db, id);
  if (row.state === 'revoked')
    throw domainError(keysErrors.CERTIFICATE_REVOKED, 'The organisation certificate is revoked');
  if (row.not_after < deps.clock.now().toISOString()) {
    throw domainError(keysErrors.CERTIFICATE_EXPIRED, 'The organisation certificate has expired');
  }
  return signerForRow(deps, row);
}

/** The Signer of one certificate row as it is (the self-test signs with each active one). */
export async function signerForRow(deps: KeysDeps, row: repo.CertificateRow): Promise<Signer> {
  const key = await repo.findKey(deps.db, row.key_id);
  if (!key) throw new Error(`key ${row.key_id} of certificate ${row.id} is missing`);
  const certificate = fromB64(row.certificate);
  const chain = chainFromText(row.chain);
  if (key.storage === 'pkcs11') {
    if (!key.token_object_id) throw new Error(`key ${key.id} has no token object id`);
    return createPkcs11Signer(deps.token(), key.token_object_id, certificate, chain);
  }
  let privateKey = deps.fileKeys.get(key.id);
  if (!privateKey) {
    if (!key.wrapped_key) throw new Error(`key ${key.id} has no wrapped key`);
    privateKey = unwrapPrivateKey(deps.wrapSecret, key.wrapped_key, key.id);
    deps.fileKeys.set(key.id, privateKey);
  }
  return createLocalSigner(privateKey, certificate, chain);
}
