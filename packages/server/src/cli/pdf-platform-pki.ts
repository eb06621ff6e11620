import type { CaMaterial, Signer, Timestamper } from '@signx/pades';
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
 * The platform PKI under `<dataDir>/pki/` (created on first use) with a certificate issued
 * for `signerName`. Without a database the CLI publishes no revocations of its own: its CRLs
 * list none (the server's list lives in the database and is served at /pki/issuing.crl).
 */
export async function loadCliPki(
  dataDir: string,
  signerName: string,
  publicUrl = 'http://localhost:3000',
): Promise<CliPki> {
  const trust = createPlatformTrust({ dataDir, publicUrl });
  const material = await trust.material();
  const issued = await trust.issueSigner({ name: signerName });
  return {
    root: material.root,
    issuing: material.issuing,
    signer: issued.signer,
    timestamper: await trust.timestamper(),
    crlFor: trust.crlFor,
  };
}
