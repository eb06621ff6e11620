import {
  createIssuingCa,
  createRootCa,
  issueOcspResponderCertificate,
  issueTsaCertificate,
} from './certificate-authority.js';
import type { CaMaterial, IssuedCertificate, KeyType } from './pki.types.js';
import { createTimestampAuthority, type TimestampAuthority } from './tsa.service.js';

/**
 * Creates the whole embedded trust setup in one call (root, issuing CA, TSA and OCSP responder
 * certificates) for first use of a SignX installation and for tests. The caller stores the
 * CaMaterial/IssuedCertificate values in its keyring and rebuilds the TSA from them.
 */
export interface PlatformTrustOptions {
  organization: string;
  country?: string;
  /** Key family for all four keys; EC (default) signs ~20x faster than RSA-2048. */
  keyType?: KeyType;
  /** Where the issuing CA's OCSP responder and CRL will be published (written into certificates). */
  ocspUrl?: string;
  crlUrl?: string;
  tsaPolicyOid?: string;
}

/** The platform's own trust services. */
export interface PlatformTrustServices {
  root: CaMaterial;
  issuing: CaMaterial;
  tsaCertificate: IssuedCertificate;
  ocspResponderCertificate: IssuedCertificate;
  tsa: TimestampAuthority;
}

/** Creates root → issuing CA → {TSA, OCSP responder} certificates and a ready TSA. */
export async function createPlatformTrustServices(o: PlatformTrustOptions): Promise<PlatformTrustServices> {
  const base = { organization: o.organization, country: o.country, keyType: o.keyType };
  const root = await createRootCa({ ...base, commonName: `${o.organization} Root CA` });
  const issuing = await createIssuingCa(root, { ...base, commonName: `${o.organization} Issuing CA` });
  const pointers = { ocspUrl: o.ocspUrl, crlUrl: o.crlUrl };
  const tsaCertificate = await issueTsaCertificate(issuing, {
    ...base,
    ...pointers,
    commonName: `${o.organization} TSA`,
  });
  const ocspResponderCertificate = await issueOcspResponderCertificate(issuing, {
    ...base,
    commonName: `${o.organization} OCSP Responder`,
  });
  const tsa = createTimestampAuthority({
    certificate: tsaCertificate.certificate,
    key: tsaCertificate.privateKeyPem,
    chain: tsaCertificate.chain,
    policyOid: o.tsaPolicyOid,
  });
  return { root, issuing, tsaCertificate, ocspResponderCertificate, tsa };
}
