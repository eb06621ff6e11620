import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CaMaterial,
  certificatesFromPem,
  createCrl,
  createIssuingCa,
  createRootCa,
  createTimestampAuthority,
  inProcessTimestamper,
  issueSignerCertificate,
  issueTsaCertificate,
  type Signer,
  signerFromPem,
  type Timestamper,
  toPem,
} from '@signx/pades';

/** The CLI's own trust services, kept under `<dataDir>/pki/` (keys with mode 0600). */
export interface CliPki {
  root: CaMaterial;
  issuing: CaMaterial;
  signer: Signer;
  timestamper: Timestamper;
  /** Fresh empty CRLs from the platform CAs, so B-LT has revocation data offline. */
  crlFor(issuerDer: Uint8Array): Promise<Uint8Array | undefined>;
}

/**
 * Loads the platform CA, creating root, issuing CA, a default signer and a TSA on first use.
 * Keeping them on disk means every `signx pdf sign` chains to the same root.
 */
export async function loadCliPki(dataDir: string, signerName: string): Promise<CliPki> {
  const dir = join(dataDir, 'pki');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const root = await material(dir, 'root', () => createRootCa({ commonName: 'SignX Platform Root CA' }));
  const issuing = await material(dir, 'issuing', () =>
    createIssuingCa(root, { commonName: 'SignX Platform Issuing CA' }),
  );
  const signerMat = await material(dir, 'signer', async () => {
    const s = await issueSignerCertificate(issuing, { legalName: signerName });
    return { certificate: s.certificate, privateKeyPem: s.privateKeyPem, chain: s.chain };
  });
  const tsaMat = await material(dir, 'tsa', async () =>
    issueTsaCertificate(issuing, { commonName: 'SignX Platform TSA' }),
  );
  const chainPem = [issuing.certificate, root.certificate].map((c) => toPem(c));
  const signer = await signerFromPem(signerMat.privateKeyPem, toPem(signerMat.certificate), chainPem);
  const tsa = createTimestampAuthority({
    certificate: tsaMat.certificate,
    key: tsaMat.privateKeyPem,
    chain: [issuing.certificate, root.certificate],
  });
  const crlFor = async (issuerDer: Uint8Array): Promise<Uint8Array | undefined> => {
    const ca = [root, issuing].find(
      (c) => Buffer.compare(Buffer.from(c.certificate), Buffer.from(issuerDer)) === 0,
    );
    return ca ? createCrl(ca, []) : undefined;
  };
  return { root, issuing, signer, timestamper: inProcessTimestamper(tsa), crlFor };
}

async function material(dir: string, name: string, create: () => Promise<CaMaterial>): Promise<CaMaterial> {
  const certPath = join(dir, `${name}.pem`);
  const keyPath = join(dir, `${name}.key.pem`);
  const chainPath = join(dir, `${name}.chain.pem`);
  if (existsSync(certPath) && existsSync(keyPath)) {
    const [certificate] = certificatesFromPem(readFileSync(certPath, 'utf8'));
    const chainText = existsSync(chainPath) ? readFileSync(chainPath, 'utf8') : '';
    const chain = chainText.includes('-----BEGIN') ? certificatesFromPem(chainText) : [];
    return { certificate: certificate!, privateKeyPem: readFileSync(keyPath, 'utf8'), chain };
  }
  const m = await create();
  writeFileSync(certPath, toPem(m.certificate));
  writeFileSync(chainPath, m.chain.map((c) => toPem(c)).join(''));
  writeFileSync(keyPath, m.privateKeyPem, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  return m;
}
