import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildOcspRequest,
  createRootCa,
  findSingleResponse,
  ocspSigner,
  parseCertificate,
  parseCrl,
  parseOcspResponse,
  signPdf,
  toPem,
  validate,
} from '@signx/pades';
import Fastify, { type FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSoftHsmToken } from '../../../test/softhsm-kit.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { AppContext } from '../app-context.js';
import { inTransaction } from '../db/transaction.js';
import { createPlatformTrust, type IssuedSignerCertificate, type PlatformTrust } from './platform-trust.js';
import { trustRoutes } from './trust.routes.js';

// The OCSP responder after a rotation of the issuing CA (keys in SoftHSM2): every generation
// still answers for the certificates it issued, signed by its own responder.
let database: TestDatabase;
let dataDir: string;
let hsm: ReturnType<typeof createSoftHsmToken>;
let trust: PlatformTrust;
let app: FastifyInstance;
let gen1: { ca: Uint8Array; cert: IssuedSignerCertificate; victim: IssuedSignerCertificate };
let gen2: { ca: Uint8Array; cert: IssuedSignerCertificate };

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'signx-ocsp-gen-'));
  hsm = createSoftHsmToken('signx-ocsp');
  trust = createPlatformTrust({
    dataDir,
    publicUrl: 'https://sign.example.test',
    db: () => database.db,
    hsm: {
      pkcs11: { library: hsm.library, tokenLabel: hsm.tokenLabel, pin: hsm.pin },
      labels: { issuing: 'signx-ca' },
    },
  });
  await trust.provisionHsmKey('issuing', 'generate');
  gen1 = {
    ca: (await trust.material()).issuing.certificate,
    cert: await trust.issueSigner({ name: 'Gen One' }),
    victim: await trust.issueSigner({ name: 'Gen One Revoked' }),
  };
  await trust.provisionHsmKey('issuing', 'rotate');
  gen2 = {
    ca: (await trust.material()).issuing.certificate,
    cert: await trust.issueSigner({ name: 'Gen Two' }),
  };
  app = Fastify();
  await trustRoutes(app, { trust } as unknown as AppContext);
});
afterAll(async () => {
  await app.close();
  trust.close();
  await database.destroy();
  hsm.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/** POSTs an OCSP request for `cert` naming `issuer` to the public responder route. */
async function askRoute(cert: Uint8Array, issuer: Uint8Array): Promise<Uint8Array> {
  const res = await app.inject({
    method: 'POST',
    url: '/pki/ocsp',
    headers: { 'content-type': 'application/ocsp-request' },
    payload: Buffer.from(buildOcspRequest(cert, issuer)),
  });
  expect(res.statusCode).toBe(200);
  return new Uint8Array(res.rawPayload);
}

/** The status answered for `cert`, after checking the answer is signed on behalf of `issuer`. */
async function statusOf(cert: Uint8Array, issuer: Uint8Array) {
  const response = parseOcspResponse(await askRoute(cert, issuer));
  expect(response.status).toBe(0);
  const ca = parseCertificate(issuer);
  expect(ocspSigner(response, ca)).toBeDefined();
  return findSingleResponse(response, parseCertificate(cert), ca)?.status;
}

/** `openssl ocsp` reads the answer, verifies it against root + issuing CA and prints the status. */
function opensslStatus(response: Uint8Array, cert: Uint8Array, issuer: Uint8Array, root: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'signx-ocsp-openssl-'));
  try {
    const file = (name: string, data: string | Uint8Array) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    };
    const args = ['ocsp', '-respin', file('r.der', response), '-issuer', file('i.pem', toPem(issuer))];
    args.push('-cert', file('c.pem', toPem(cert)), '-CAfile', file('root.pem', toPem(root)));
    args.push('-verify_other', join(dir, 'i.pem'), '-no_nonce');
    const run = spawnSync('openssl', args, { encoding: 'utf8' });
    expect(run.stderr).toContain('Response verify OK');
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('OCSP for every issuing CA generation after a rotation', () => {
  it('answers good for a certificate of each generation, signed for its own issuer', async () => {
    expect(Buffer.compare(gen1.ca, gen2.ca)).not.toBe(0);
    expect(parseCertificate(gen1.cert.certificate).authorityKeyId).toEqual(
      parseCertificate(gen1.ca).subjectKeyId,
    );
    const root = await trust.rootCertificate();
    for (const g of [gen1, gen2]) {
      expect(await statusOf(g.cert.certificate, g.ca)).toEqual({ status: 'good' });
      const raw = await askRoute(g.cert.certificate, g.ca);
      expect(opensslStatus(raw, g.cert.certificate, g.ca, root)).toMatch(/c\.pem: good/);
    }
    // an answer for gen 1 is not signed on behalf of gen 2 (each generation has its own responder)
    const r1 = parseOcspResponse(await askRoute(gen1.cert.certificate, gen1.ca));
    expect(ocspSigner(r1, parseCertificate(gen2.ca))).toBeUndefined();
  });

  it('shows the revocation of a gen-1 certificate at once, over OCSP and in the gen-1 CRL', async () => {
    const victim = gen1.victim;
    await inTransaction(database.db, (trx) =>
      trust.revoke(trx, {
        serial: victim.serial,
        reason: 'keyCompromise',
        at: new Date('2026-12-07T10:00:00Z'),
      }),
    );
    expect(await statusOf(victim.certificate, gen1.ca)).toMatchObject({
      status: 'revoked',
      reason: 'keyCompromise',
      revokedAt: new Date('2026-12-07T10:00:00Z'),
    });
    const raw = await askRoute(victim.certificate, gen1.ca);
    expect(opensslStatus(raw, victim.certificate, gen1.ca, await trust.rootCertificate())).toMatch(
      /c\.pem: revoked[\s\S]*Reason: keyCompromise/,
    );
    expect(await statusOf(gen1.cert.certificate, gen1.ca)).toEqual({ status: 'good' });
    expect(await statusOf(gen2.cert.certificate, gen2.ca)).toEqual({ status: 'good' });
    const caSerial = parseCertificate(gen1.ca).serial.replace(/^(00)+/, '');
    const crl = await app.inject({ method: 'GET', url: `/pki/issuing-${caSerial}.crl` });
    expect(parseCrl(new Uint8Array(crl.rawPayload)).entries.map((e) => e.serial)).toContain(victim.serial);
  });

  it('refuses a request naming an issuer that is none of its generations: unauthorized', async () => {
    const foreign = await createRootCa({ commonName: 'Somebody Else CA' });
    expect(parseOcspResponse(await askRoute(gen2.cert.certificate, foreign.certificate)).status).toBe(6);
    // the root is not an issuing generation either
    const root = await trust.rootCertificate();
    expect(parseOcspResponse(await askRoute(gen2.ca, root)).status).toBe(6);
  });

  it('embeds an OCSP answer for a gen-1 signer in a B-LT signature made after the rotation', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const sources = await trust.revocationSources();
    const isGen1 = (issuer: Uint8Array) => Buffer.compare(Buffer.from(issuer), Buffer.from(gen1.ca)) === 0;
    // without the gen-1 CRL, only the gen-1 OCSP answer can complete the signer's validation data
    const pdf = await signPdf(await doc.save({ useObjectStreams: false }), {
      signer: gen1.cert.signer,
      level: 'B-LT',
      timestamper: await trust.timestamper(),
      revocation: {
        ...sources,
        crlProvider: async (issuer) => (isGen1(issuer) ? undefined : sources.crlProvider?.(issuer)),
        fetch: offline,
      },
    });
    const report = await validate(pdf, {
      trustAnchors: [await trust.rootCertificate()],
      revocation: 'embedded',
    });
    const sig = report.signatures[0];
    expect(sig?.isValid).toBe(true);
    expect(sig?.level).toBe('B-LT');
    expect(sig?.revocation.inFile).toBe(true);
    expect(sig?.revocation.detail.find((d) => d.includes('Gen One'))).toMatch(/good \(ocsp\)/);
  });
});

const offline: typeof fetch = async () => {
  throw new Error('offline: no network in this test');
};
