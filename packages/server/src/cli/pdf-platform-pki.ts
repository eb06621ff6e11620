import { join } from 'node:path';
import {
  type CaMaterial,
  issueSignerCertificate,
  type Signer,
  signerFromPem,
  type Timestamper,
  toPem,
} from '@signx/pades';
import { material } from '../platform/trust/pki-material.js';
import { createPlatformTrust } from '../platform/trust/platform-trust.js';

/** What `signx pdf` needs of the platform PKI (platform/trust), the same one the server uses. */
export interface CliPki {
  root: CaMaterial;
  issuing: CaMaterial;
  signer: Signer;
  timestamper: Timestamper;
  /** The platform CAs' CRLs, so B-LT has revocation data offline. */
  crlFor(issuerDer: Uint8Array): Promise<Uint8Array | undefined>;
}

/**
 * The platform PKI under `<dataDir>/pki/` (created on first use) and the CLI's default
 * signer, a certificate from the platform issuing CA kept beside it (`signer.pem`). Without a
 * database the CLI publishes no revocations of its own: its CRLs list none (the server's list
 * lives in the database and is served at /pki/issuing.crl).
 */
export async function loadCliPki(
  dataDir: string,
  signerName: string,
  publicUrl = 'http://localhost:3000',
): Promise<CliPki> {
  const trust = createPlatformTrust({ dataDir, publicUrl });
  const pki = await trust.material();
  const signerMat = await material(join(dataDir, 'pki'), 'signer', async () => {
    const s = await issueSignerCertificate(pki.issuing, {
      legalName: signerName,
      ...(await trust.issuingPointers()),
    });
    return { certificate: s.certificate, privateKeyPem: s.privateKeyPem, chain: s.chain };
  });
  const chain = signerMat.chain.map((c) => toPem(c));
  return {
    root: pki.root,
    issuing: pki.issuing,
    signer: await signerFromPem(signerMat.privateKeyPem, toPem(signerMat.certificate), chain),
    timestamper: await trust.timestamper(),
    crlFor: trust.crlFor,
  };
}
