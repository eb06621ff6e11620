import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CaMaterial,
  certificatesFromPem,
  createIssuingCa,
  createRootCa,
  issueOcspResponderCertificate,
  issueSignerCertificate,
  issueTsaCertificate,
  normalizeSerial,
  type OcspAuthority,
  parseCertificate,
  toPem,
} from '@signx/pades';
import { type HsmPkiOptions, hsmMaterial, retiredIssuingCas } from './hsm-pki.js';

/** The platform's long-lived keys and certificates, as kept under `<dataDir>/pki/`. */
export interface PkiMaterial {
  root: CaMaterial;
  issuing: CaMaterial;
  tsa: CaMaterial;
  ocsp: CaMaterial;
  /** The platform seal (organisation signature applied on completion). */
  seal: CaMaterial;
  /**
   * Issuing CAs no longer issuing (rotated out, or the file CA before the CA moved into the
   * HSM) whose keys are still at hand: still valid under the root, they sign their own CRLs.
   */
  retired: CaMaterial[];
  /** The delegated OCSP responder of each retired CA, in the order of `retired`. */
  retiredOcsp: CaMaterial[];
}

export /** The issuing CA generations (current first) with the delegated responder each signs OCSP answers with. */
function ocspAuthorities(m: PkiMaterial): OcspAuthority[] {
  return [
    { issuer: m.issuing.certificate, responder: m.ocsp },
    ...m.retired.flatMap((ca, i) => {
      const responder = m.retiredOcsp[i];
      return responder ? [{ issuer: ca.certificate, responder }] : [];
    }),
  ];
}

/** Where issued certificates say their status is published (written into each certificate). */
export interface PkiPointers {
  crlUrl: string;
  ocspUrl: string;
  caIssuersUrl?: string;
}

/**
 * Loads the platform PKI from `dir`, creating what is missing on first use: root, issuing CA,
 * TSA, OCSP responder and seal certificates. Private keys are written with mode 0600 and the
 * folder with 0700, so every signature of an installation chains to the same root.
 */
export async function loadPkiMaterial(
  dir: string,
  pointers: PkiPointers,
  hsm?: HsmPkiOptions,
): Promise<PkiMaterial> {
  // HSM keys are checked first, so a missing token or key fails before any file is written.
  const tsaLabel = hsm?.labels.tsa;
  const hsmTsa = hsm && tsaLabel ? hsmMaterial(dir, hsm.token(), 'tsa', tsaLabel) : undefined;
  const { root, issuing, retired } = await loadCaMaterial(dir, pointers, hsm);
  const tsa =
    hsmTsa ??
    (await material(dir, 'tsa', () =>
      issueTsaCertificate(issuing, {
        commonName: 'SignX Platform TSA',
        ...generationPointers(pointers, issuing.certificate),
      }),
    ));
  const ocsp = await ocspResponder(dir, issuing);
  // a rotated-out generation keeps answering OCSP for its certificates, through its own responder
  const retiredOcsp: CaMaterial[] = [];
  for (const ca of retired) retiredOcsp.push(await ocspResponder(dir, ca));
  const seal = await material(dir, 'seal', async () => {
    const s = await issueSignerCertificate(issuing, {
      legalName: 'SignX Platform Seal',
      validityDays: 5 * 365,
      ...generationPointers(pointers, issuing.certificate),
    });
    return { certificate: s.certificate, privateKeyPem: s.privateKeyPem, chain: s.chain };
  });
  return { root, issuing, tsa, ocsp, seal, retired, retiredOcsp };
}

/**
 * The delegated OCSP responder of an issuing CA generation, certified by that CA (created on
 * first use): `ocsp.pem` for the file CA, `ocsp-<serial>.pem` for each HSM CA generation.
 */
function ocspResponder(dir: string, ca: CaMaterial): Promise<CaMaterial> {
  const name = ca.signer ? `ocsp-${normalizeSerial(parseCertificate(ca.certificate).serial)}` : 'ocsp';
  return material(dir, name, () =>
    issueOcspResponderCertificate(ca, { commonName: 'SignX Platform OCSP Responder' }),
  );
}

/**
 * The root and the issuing CA (a file key, or the HSM key labelled KEYS_PKCS11_CA_KEY), and
 * the issuing CAs it replaced whose keys are still at hand.
 */
export async function loadCaMaterial(
  dir: string,
  pointers: PkiPointers,
  hsm?: HsmPkiOptions,
): Promise<{ root: CaMaterial; issuing: CaMaterial; retired: CaMaterial[] }> {
  const caLabel = hsm?.labels.issuing;
  const hsmIssuing = hsm && caLabel ? hsmMaterial(dir, hsm.token(), 'issuing', caLabel) : undefined;
  const root = await loadRootMaterial(dir);
  const fileIssuing = () =>
    material(dir, 'issuing', () =>
      createIssuingCa(root, { commonName: 'SignX Platform Issuing CA', crlUrl: rootCrlUrl(pointers) }),
    );
  if (!hsm || !caLabel || !hsmIssuing) return { root, issuing: await fileIssuing(), retired: [] };
  const issuing = hsmIssuing;
  const retired = existsSync(join(dir, 'issuing.key.pem')) ? [await fileIssuing()] : [];
  retired.push(...retiredIssuingCas(dir, hsm.token(), caLabel));
  return { root, issuing, retired };
}

/** The platform root (a file key; created on first use). */
export async function loadRootMaterial(dir: string): Promise<CaMaterial> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return material(dir, 'root', () => createRootCa({ commonName: 'SignX Platform Root CA' }));
}

/**
 * The pointers for certificates the issuing CA `issuer` signs: its own CRL URL,
 * `…/issuing-<serial>.crl`, so each CA generation keeps a CRL signed by its own key after a
 * rotation (`/pki/issuing.crl` stays the current CA's).
 */
export function generationPointers(pointers: PkiPointers, issuer: Uint8Array): PkiPointers {
  const serial = normalizeSerial(parseCertificate(issuer).serial);
  return { ...pointers, crlUrl: pointers.crlUrl.replace(/issuing\.crl$/, `issuing-${serial}.crl`) };
}

/** The root's CRL sits beside the issuing CA's: `…/issuing.crl` → `…/root.crl`. */
export function rootCrlUrl(pointers: PkiPointers): string {
  return pointers.crlUrl.replace(/issuing\.crl$/, 'root.crl');
}

/** Reads `<dir>/<name>.pem` (+ key, chain), or creates and writes it (key 0600) on first use. */
export async function material(
  dir: string,
  name: string,
  create: () => Promise<CaMaterial>,
): Promise<CaMaterial> {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  const chainPath = join(dir, `${name}.chain.pem`);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const [certificate] = certificatesFromPem(readFileSync(certPath, 'utf8'));
    const chainText = existsSync(chainPath) ? readFileSync(chainPath, 'utf8') : '';
    const chain = chainText.includes('-----BEGIN') ? certificatesFromPem(chainText) : [];
    if (!certificate) throw new Error(`${certPath} holds no certificate`);
    return { certificate, privateKeyPem: readFileSync(keyPath, 'utf8'), chain };
  }
  const m = await create();
  writeFileSync(keyPath, m.privateKeyPem, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(chainPath, m.chain.map((c) => toPem(c)).join(''));
  writeFileSync(certPath, toPem(m.certificate));
  return m;
}
