import { randomBytes, verify } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CaMaterial,
  certificatesFromPem,
  certifyServiceKey,
  normalizeSerial,
  parseCertificate,
  type Signer,
  signerCaMaterial,
  toPem,
} from '@signx/pades';
import type { TokenKeyAlgorithm } from '../hsm/key-encoding.js';
import { createPkcs11Signer } from '../hsm/pkcs11-signer.js';
import { openPkcs11Token, type Pkcs11Options, type Pkcs11Token } from '../hsm/pkcs11-token.js';
import { generationPointers, type PkiPointers, rootCrlUrl } from './pki-material.js';

/**
 * The platform keys that may live in the PKCS#11 token: the issuing CA (it issues signer,
 * organisation, TSA, OCSP and seal certificates) and the in-process TSA. The token holds
 * the key under its configured CKA_LABEL; DATA_DIR/pki holds only its certificate
 * (`hsm-<role>.pem` and `.chain.pem`). The root stays a file key: it signs nothing but
 * issuing CA certificates and its own CRL, and stays the one anchor relying parties import.
 */
export type HsmRole = 'issuing' | 'tsa';

/** The token and the CKA_LABELs configured for the platform keys (KEYS_PKCS11_CA_KEY, KEYS_PKCS11_TSA_KEY). */
export interface HsmPkiOptions {
  token: () => Pkcs11Token;
  labels: { issuing?: string | undefined; tsa?: string | undefined };
}

const ROLE_NAMES: Record<HsmRole, string> = { issuing: 'ca', tsa: 'tsa' };
const SUBJECTS: Record<HsmRole, string> = { issuing: 'SignX Platform Issuing CA', tsa: 'SignX Platform TSA' };

const certPath = (dir: string, role: HsmRole) => join(dir, `hsm-${role}.pem`);
const chainPath = (dir: string, role: HsmRole) => join(dir, `hsm-${role}.chain.pem`);
const retiredDir = (dir: string) => join(dir, 'retired');
/** The label a rotated-out key keeps in the token (so it can still sign the CRLs of its generation). */
export const retiredLabel = (label: string, serial: string) => `${label}.retired.${serial}`;

/** The problem with the configured key of `role`, in plain words: what is missing and how to make it. */
export class HsmKeyProblem extends Error {
  override name = 'HsmKeyProblem';
  constructor(
    message: string,
    readonly kind: 'unusable' | 'unconfigured' | 'exists' | 'missing' = 'unusable',
  ) {
    super(message);
  }
}

/** Opens the configured token; a wrong PIN or token label becomes a HsmKeyProblem that says which setting to check. */
export function openPlatformToken(options: Pkcs11Options): Pkcs11Token {
  try {
    return openPkcs11Token(options);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const hint = /PIN/.test(reason) ? ' (check KEYS_PKCS11_PIN or KEYS_PKCS11_PIN_FILE)' : '';
    throw new HsmKeyProblem(
      `cannot open PKCS#11 token "${options.tokenLabel}" in ${options.library}: ${reason}${hint}`,
    );
  }
}

/** Signs a canary with an HSM-held platform key and verifies it with the key's certificate. */
export async function checkSigner(signer: Signer): Promise<void> {
  const canary = randomBytes(32);
  const signature = await signer.sign(canary);
  const key = parseCertificate(signer.certificate).publicKey;
  if (!verify(signer.hash.replace('-', '').toLowerCase(), canary, { key, dsaEncoding: 'der' }, signature)) {
    throw new HsmKeyProblem(
      `the key of ${parseCertificate(signer.certificate).subject} does not verify its canary`,
    );
  }
}

/** The self-check of one HSM-held platform key: its certificate (when loaded) and what failed, or null. */
export interface HeldKeyCheck {
  role: HsmRole;
  label: string;
  subject: string;
  serial: string | null;
  error: string | null;
}

/**
 * Loads the platform material and signs and verifies a canary with each HSM-held key (the
 * startup self-check and the daily keys self-test). A material that does not load (token,
 * key or certificate missing) fails every configured key with that reason.
 */
export async function checkHeldKeys(
  material: () => Promise<{ issuing: CaMaterial; tsa: CaMaterial }>,
  labels: HsmPkiOptions['labels'],
): Promise<HeldKeyCheck[]> {
  const roles = (['issuing', 'tsa'] as const).filter((role) => labels[role]);
  const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));
  let m: { issuing: CaMaterial; tsa: CaMaterial };
  try {
    m = await material();
  } catch (err) {
    const error = reason(err);
    return roles.map((role) => ({
      role,
      label: labels[role] ?? '',
      subject: SUBJECTS[role],
      serial: null,
      error,
    }));
  }
  const out: HeldKeyCheck[] = [];
  for (const role of roles) {
    const signer = m[role].signer;
    const cert = parseCertificate(m[role].certificate);
    const check = {
      role,
      label: labels[role] ?? '',
      subject: cert.subject,
      serial: normalizeSerial(cert.serial),
    };
    try {
      if (!signer) throw new HsmKeyProblem(`the ${role} key is not held in the token`);
      await checkSigner(signer);
      out.push({ ...check, error: null });
    } catch (err) {
      out.push({ ...check, error: reason(err) });
    }
  }
  return out;
}

/**
 * The CaMaterial of the HSM-held key of `role`: its certificate from `dir` and a pades Signer
 * over the token key labelled `label` (the same PKCS#11 signer organisation keys use). Fails
 * with a HsmKeyProblem when the certificate or the key is missing or they do not match.
 */
export function hsmMaterial(dir: string, token: Pkcs11Token, role: HsmRole, label: string): CaMaterial {
  const how = `create it with \`signx keys hsm generate ${ROLE_NAMES[role]}\``;
  if (!existsSync(certPath(dir, role))) {
    throw new HsmKeyProblem(`the ${role} key "${label}" has no certificate in ${dir}: ${how}`);
  }
  const objectId = token.findKeyByLabel(label);
  if (!objectId) {
    throw new HsmKeyProblem(`no key labelled "${label}" in PKCS#11 token "${token.tokenLabel}": ${how}`);
  }
  const [certificate] = certificatesFromPem(readFileSync(certPath(dir, role), 'utf8'));
  if (!certificate) throw new HsmKeyProblem(`${certPath(dir, role)} holds no certificate`);
  const chainText = existsSync(chainPath(dir, role)) ? readFileSync(chainPath(dir, role), 'utf8') : '';
  const chain = chainText.includes('-----BEGIN') ? certificatesFromPem(chainText) : [];
  try {
    return signerCaMaterial(createPkcs11Signer(token, objectId, certificate, chain));
  } catch (err) {
    throw new HsmKeyProblem(`the ${role} key "${label}": ${err instanceof Error ? err.message : err}`);
  }
}

/**
 * Generates the key of `role` in the token and certifies it under `issuer` (the root for the
 * issuing CA, the issuing CA for the TSA). With a key already there this is the rotation:
 * the new key is made and certified first, under a temporary label, so a failure leaves the
 * old key and files untouched; then the old key is relabelled `<label>.retired.<serial>`
 * (kept, never destroyed: it signs the CRLs of its certificates) and its certificate moved
 * to `retired/`. Returns the new certificate and the serial of the one it replaced.
 */
export async function provisionHsmKey(
  dir: string,
  token: Pkcs11Token,
  input: {
    role: HsmRole;
    label: string;
    issuer: CaMaterial;
    pointers: PkiPointers;
    mode: 'generate' | 'rotate';
    /** EC-P256 unless given. */
    algorithm?: TokenKeyAlgorithm;
  },
): Promise<ProvisionedKey> {
  const { role, label, issuer, pointers } = input;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const oldId = token.findKeyByLabel(label);
  if (input.mode === 'generate' && oldId) {
    throw new HsmKeyProblem(`a key labelled "${label}" is already in the token: rotate it instead`, 'exists');
  }
  if (input.mode === 'rotate' && !oldId) {
    throw new HsmKeyProblem(
      `no key labelled "${label}" in the token to rotate: generate it first`,
      'missing',
    );
  }
  const oldCert = existsSync(certPath(dir, role)) ? readFileSync(certPath(dir, role), 'utf8') : null;
  const pending = `${label}.pending`;
  const key = token.generateKey(pending, input.algorithm ?? 'EC-P256');
  let certificate: Uint8Array;
  try {
    certificate = await certifyServiceKey(issuer, key.spki, {
      role: role === 'tsa' ? 'tsa' : 'issuing-ca',
      commonName: SUBJECTS[role],
      ...(role === 'tsa'
        ? generationPointers(pointers, issuer.certificate)
        : { crlUrl: rootCrlUrl(pointers) }),
    });
  } catch (err) {
    token.destroyKey(key.objectId);
    throw err;
  }
  let replaced: string | null = null;
  if (oldId) {
    const serial = oldCert ? oldSerial(oldCert) : oldId;
    if (oldCert) archive(dir, role, serial);
    token.relabel(oldId, retiredLabel(label, serial));
    replaced = serial;
  }
  token.relabel(key.objectId, label);
  writeFileSync(chainPath(dir, role), [issuer.certificate, ...issuer.chain].map((c) => toPem(c)).join(''));
  writeFileSync(certPath(dir, role), toPem(certificate));
  const serial = normalizeSerial(parseCertificate(certificate).serial);
  return { role, label, serial, certificate, replaced };
}

/** A platform key just generated in the token, with its certificate and the serial it replaced. */
export interface ProvisionedKey {
  role: HsmRole;
  label: string;
  serial: string;
  certificate: Uint8Array;
  replaced: string | null;
}

function oldSerial(pem: string): string {
  const [cert] = certificatesFromPem(pem);
  return cert ? normalizeSerial(parseCertificate(cert).serial) : 'unknown';
}

function archive(dir: string, role: HsmRole, serial: string): void {
  mkdirSync(retiredDir(dir), { recursive: true, mode: 0o700 });
  renameSync(certPath(dir, role), join(retiredDir(dir), `${role}-${serial}.pem`));
  if (existsSync(chainPath(dir, role))) {
    renameSync(chainPath(dir, role), join(retiredDir(dir), `${role}-${serial}.chain.pem`));
  }
}

/**
 * The issuing CAs retired by rotation whose keys are still in the token: their certificates
 * stay valid (not revoked, same root), so signatures and certificates they made keep
 * validating, and their retained keys sign the CRLs asked for by issuer (crlFor).
 */
export function retiredIssuingCas(dir: string, token: Pkcs11Token, label: string): CaMaterial[] {
  if (!existsSync(retiredDir(dir))) return [];
  const out: CaMaterial[] = [];
  for (const name of readdirSync(retiredDir(dir))) {
    const m = /^issuing-([0-9a-f]+)\.pem$/.exec(name);
    if (!m?.[1]) continue;
    const objectId = token.findKeyByLabel(retiredLabel(label, m[1]));
    const [certificate] = certificatesFromPem(readFileSync(join(retiredDir(dir), name), 'utf8'));
    if (!objectId || !certificate) continue;
    const chainFile = join(retiredDir(dir), `issuing-${m[1]}.chain.pem`);
    const chain = existsSync(chainFile) ? certificatesFromPem(readFileSync(chainFile, 'utf8')) : [];
    out.push(signerCaMaterial(createPkcs11Signer(token, objectId, certificate, chain)));
  }
  return out;
}
