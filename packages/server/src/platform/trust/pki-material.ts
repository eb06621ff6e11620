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
  toPem,
} from '@signx/pades';

/** The platform's long-lived keys and certificates, as kept under `<dataDir>/pki/`. */
export interface PkiMaterial {
  root: CaMaterial;
  issuing: CaMaterial;
  tsa: CaMaterial;
  ocsp: CaMaterial;
  /** The platform seal (organisation signature applied on completion). */
  seal: CaMaterial;
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
export async function loadPkiMaterial(dir: string, pointers: PkiPointers): Promise<PkiMaterial> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const root = await material(dir, 'root', () => createRootCa({ commonName: 'SignX Platform Root CA' }));
  const issuing = await material(dir, 'issuing', () =>
    createIssuingCa(root, { commonName: 'SignX Platform Issuing CA', crlUrl: rootCrlUrl(pointers) }),
  );
  const tsa = await material(dir, 'tsa', () =>
    issueTsaCertificate(issuing, { commonName: 'SignX Platform TSA', ...pointers }),
  );
  const ocsp = await material(dir, 'ocsp', () =>
    issueOcspResponderCertificate(issuing, { commonName: 'SignX Platform OCSP Responder' }),
  );
  const seal = await material(dir, 'seal', async () => {
    const s = await issueSignerCertificate(issuing, {
      legalName: 'SignX Platform Seal',
      validityDays: 5 * 365,
      ...pointers,
    });
    return { certificate: s.certificate, privateKeyPem: s.privateKeyPem, chain: s.chain };
  });
  return { root, issuing, tsa, ocsp, seal };
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
