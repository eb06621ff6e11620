import {
  createCrl,
  createTimestampAuthority,
  inProcessTimestamper,
  issueTsaCertificate,
  type Timestamper,
} from '../src/index.js';
import { createIssuingCa, createRootCa, issueSignerCertificate } from '../src/pki/index.js';
import type { CaMaterial } from '../src/pki/pki.types.js';
import type { Signer } from '../src/pki/signer.js';
import { nssDb, scratch } from './external-tools.js';

/** A root and issuing CA shared by the tests of one file (keys are slow to make). */
export interface TestPki {
  root: CaMaterial;
  issuing: CaMaterial;
  signer(name: string, keyType?: 'rsa' | 'ec'): Promise<Signer>;
}

/** Builds the platform PKI for tests: root → issuing CA → signers with emailProtection. */
export async function createTestPki(): Promise<TestPki> {
  const root = await createRootCa({ commonName: 'SignX Test Root' });
  const issuing = await createIssuingCa(root, { commonName: 'SignX Test Issuing CA' });
  return {
    root,
    issuing,
    async signer(name, keyType = 'rsa') {
      const issued = await issueSignerCertificate(issuing, {
        legalName: name,
        email: `${name.replace(/\W/g, '.')}@example.test`,
        keyType,
      });
      return issued.signer;
    },
  };
}

/** What the suites checked by external tools share: the PKI, a scratch dir, an NSS db trusting the root. */
export interface SigningWorkspace {
  pki: TestPki;
  dir: string;
  /** NSS database directory for pdfsig. */
  db: string;
}

/** Builds a SigningWorkspace (once per file: keys are slow to make). */
export async function createSigningWorkspace(): Promise<SigningWorkspace> {
  const pki = await createTestPki();
  const dir = scratch();
  return { pki, dir, db: nssDb(dir, pki.root.certificate) };
}

/** A SigningWorkspace with a time-stamp authority of its own issuing CA, answering in process. */
export interface TimestampedWorkspace extends SigningWorkspace {
  timestamper: Timestamper;
}

/**
 * Builds a SigningWorkspace and a TSA named `tsaName` issued by its issuing CA; with `chain`
 * the tokens carry the CA chain (root and issuing certificates) beside the TSA certificate.
 */
export async function createTimestampedWorkspace(
  tsaName: string,
  options: { chain?: boolean } = {},
): Promise<TimestampedWorkspace> {
  const workspace = await createSigningWorkspace();
  const { pki } = workspace;
  const tsaCert = await issueTsaCertificate(pki.issuing, { commonName: tsaName });
  const timestamper = inProcessTimestamper(
    createTimestampAuthority({
      certificate: tsaCert.certificate,
      key: tsaCert.privateKeyPem,
      ...(options.chain ? { chain: [pki.issuing.certificate, pki.root.certificate] } : {}),
    }),
  );
  return { ...workspace, timestamper };
}

/** A CRL provider answering an empty CRL for the root and the issuing CA of `pki` (nothing revoked). */
export function emptyCrls(pki: TestPki) {
  return async (issuer: Uint8Array) => {
    const ca = [pki.root, pki.issuing].find((c) => Buffer.from(c.certificate).equals(Buffer.from(issuer)));
    return ca ? createCrl(ca, []) : undefined;
  };
}
