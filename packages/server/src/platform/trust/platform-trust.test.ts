import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildOcspRequest,
  findSingleResponse,
  parseCertificate,
  parseCrl,
  parseOcspResponse,
  verifyChain,
} from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { inTransaction } from '../db/transaction.js';
import { createPlatformTrust, type PlatformTrust } from './platform-trust.js';

let database: TestDatabase;
let dataDir: string;
let trust: PlatformTrust;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'signx-trust-'));
  trust = createPlatformTrust({ dataDir, publicUrl: 'https://sign.example.test/', db: () => database.db });
});
afterAll(() => database.destroy());

describe('platform trust services', () => {
  it('creates root, issuing CA, TSA, OCSP and seal once under DATA_DIR/pki with private keys 0600', async () => {
    const first = await trust.material();
    for (const name of ['root', 'issuing', 'tsa', 'ocsp', 'seal'])
      expect(statSync(join(dataDir, 'pki', `${name}.key.pem`)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'pki')).mode & 0o777).toBe(0o700);
    const again = await createPlatformTrust({
      dataDir,
      publicUrl: 'https://other.test',
      db: () => database.db,
    }).material();
    expect(Buffer.from(again.root.certificate).equals(Buffer.from(first.root.certificate))).toBe(true);
    expect(Buffer.from(again.seal.certificate).equals(Buffer.from(first.seal.certificate))).toBe(true);
  });

  it('issues a per-signer certificate (subject: name and email) that chains to the root and names CRL and OCSP', async () => {
    const issued = await trust.issueSigner({
      name: '张三 ישראל',
      email: 'zhang@example.test',
      validityDays: 30,
    });
    const cert = parseCertificate(issued.certificate);
    expect(cert.subject).toContain('张三 ישראל');
    expect(Buffer.from(issued.certificate).toString('latin1')).toContain('zhang@example.test'); // subjectAltName
    const m = await trust.material();
    const report = await verifyChain(issued.certificate, {
      trustAnchors: [m.root.certificate],
      intermediates: [m.issuing.certificate],
      revocation: 'off',
    });
    expect(report.isTrusted).toBe(true);
    // the CRL URL of the issuing CA generation that signed it (served beside /pki/issuing.crl)
    const caSerial = parseCertificate(m.issuing.certificate).serial.replace(/^(00)+/, '');
    expect(cert.crlUrls).toEqual([`https://sign.example.test/pki/issuing-${caSerial}.crl`]);
    expect(cert.ocspUrls).toEqual(['https://sign.example.test/pki/ocsp']);
    expect(await trust.generationCrl(caSerial)).toBeDefined();
    expect(await trust.generationCrl('0badc0de')).toBeUndefined();
  });

  it('persists a revocation in the caller’s transaction; CRL and OCSP report it, others stay good', async () => {
    const revoked = await trust.issueSigner({ name: 'Revoked Signer' });
    const kept = await trust.issueSigner({ name: 'Kept Signer' });
    await inTransaction(database.db, (trx) =>
      trust.revoke(trx, {
        serial: revoked.serial,
        reason: 'keyCompromise',
        at: new Date('2026-12-01T00:00:00Z'),
      }),
    );
    // A rolled-back revocation leaves no trace.
    await expect(
      inTransaction(database.db, async (trx) => {
        await trust.revoke(trx, { serial: kept.serial, at: new Date() });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const crl = parseCrl(await trust.crl('issuing'));
    expect(crl.entries.map((e) => e.serial)).toEqual([revoked.serial]);
    const m = await trust.material();
    const issuer = parseCertificate(m.issuing.certificate);
    const ask = async (der: Uint8Array) =>
      findSingleResponse(
        parseOcspResponse(await trust.ocsp(buildOcspRequest(der, m.issuing.certificate))),
        parseCertificate(der),
        issuer,
      )?.status;
    expect(await ask(revoked.certificate)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    expect(await ask(kept.certificate)).toEqual({ status: 'good' });
  });

  it('answers a malformed OCSP request with malformedRequest, not an error', async () => {
    const answer = await trust.ocsp(Buffer.from('not der'));
    expect(parseOcspResponse(answer).status).toBe(1);
  });
});
