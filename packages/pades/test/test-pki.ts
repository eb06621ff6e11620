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
