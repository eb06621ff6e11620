import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPadesSignedData } from '../cms/signed-data.builder.js';
import { parseSignedData } from '../cms/signed-data.parser.js';
import { verifySignedData } from '../cms/signed-data.verifier.js';
import { verifyTimestampToken } from '../cms/timestamp-token.verifier.js';
import {
  createFixturePki,
  type FixturePki,
  issueSignerCertificate,
  openssl,
  scratch,
} from './pki.fixture.js';
import { buildTimestampRequest, parseTimestampResponse } from './timestamp-request.js';
import { createTimestampAuthority, inProcessTimestamper, type TimestampAuthority } from './tsa.service.js';

let pki: FixturePki;
let tsa: TimestampAuthority;
const tmp = scratch();
const fixedNow = new Date(Math.floor(Date.now() / 1000) * 1000 + 890);
let rootPem: string;
let icaPem: string;

beforeAll(async () => {
  pki = await createFixturePki();
  tsa = createTimestampAuthority({
    certificate: pki.tsa.certificate,
    key: pki.tsa.privateKeyPem,
    chain: pki.tsa.chain,
    policyOid: '1.3.6.1.4.1.55555.1.1',
    now: () => fixedNow,
  });
  rootPem = tmp.pem('root.pem', pki.root.certificate);
  icaPem = tmp.pem('ica.pem', pki.issuing.certificate);
});

describe('RFC 3161 TSA', () => {
  it('answers an openssl ts -query and openssl ts -verify accepts the response', async () => {
    const dataFile = tmp.write('data.txt', 'time-stamp me');
    const q = openssl(['ts', '-query', '-data', dataFile, '-sha256', '-cert', '-out', `${tmp.dir}/req.tsq`]);
    expect(q.status, q.out).toBe(0);
    const resp = await tsa.respond(readFileSync(`${tmp.dir}/req.tsq`));
    const respFile = tmp.write('resp.tsr', resp);
    const v1 = openssl([
      'ts',
      '-verify',
      '-in',
      respFile,
      '-queryfile',
      `${tmp.dir}/req.tsq`,
      '-CAfile',
      rootPem,
      '-untrusted',
      icaPem,
    ]);
    expect(v1.out).toContain('Verification: OK');
    const text = openssl(['ts', '-reply', '-in', respFile, '-text']).out;
    expect(text).toContain('Status: Granted.');
    expect(text).toContain('Policy OID: 1.3.6.1.4.1.55555.1.1');
    expect(text).toMatch(/Time stamp: \w{3} [ \d]\d \d\d:\d\d:\d\d\.89 \d{4} GMT/);
  });

  it('issues tokens that openssl ts -verify -token_in accepts and verifyTimestampToken checks', async () => {
    const data = Buffer.from('some signature value');
    const imprint = createHash('sha256').update(data).digest();
    const token = await tsa.issueToken(imprint, 'SHA-256');
    const v = openssl([
      'ts',
      '-verify',
      '-in',
      tmp.write('t.der', token),
      '-token_in',
      '-data',
      tmp.write('d.bin', data),
      '-CAfile',
      rootPem,
      '-untrusted',
      icaPem,
    ]);
    expect(v.out).toContain('Verification: OK');
    const ok = await verifyTimestampToken(token, imprint);
    expect(ok.isValid).toBe(true);
    expect(ok.genTime?.toISOString()).toBe(fixedNow.toISOString());
    expect(ok.hasTimeStampingEku).toBe(true);
    expect(ok.policy).toBe('1.3.6.1.4.1.55555.1.1');
    expect(
      (await verifyTimestampToken(token, { data: [data.subarray(0, 4), data.subarray(4)] })).isValid,
    ).toBe(true);
  });

  it('detects a token over other data and a token whose TSTInfo was altered', async () => {
    const imprint = createHash('sha384').update('x').digest();
    const token = await tsa.issueToken(imprint, 'SHA-384');
    const wrong = await verifyTimestampToken(token, createHash('sha384').update('y').digest());
    expect(wrong.isValid).toBe(false);
    expect(wrong.problems.map((p) => p.code)).toContain('IMPRINT_MISMATCH');
    const altered = Uint8Array.from(token);
    const at = Buffer.from(token).indexOf(Buffer.from(imprint)) + 3;
    altered[at] = (altered[at] as number) ^ 0xff;
    const bad = await verifyTimestampToken(altered, imprint);
    expect(bad.isValid).toBe(false);
    expect(bad.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['IMPRINT_MISMATCH', 'DIGEST_MISMATCH']),
    );
  });

  it('rejects malformed requests, unknown policies and bad imprint lengths with a status, not a throw', async () => {
    expect(parseTimestampResponse(await tsa.respond(Buffer.from('junk'))).status).toBe(2);
    const otherPolicy = buildTimestampRequest(new Uint8Array(32), 'SHA-256', { policyOid: '1.2.3.4' });
    const r = parseTimestampResponse(await tsa.respond(otherPolicy));
    expect(r.status).toBe(2);
    expect(r.statusText).toContain('policy');
    const shortImprint = buildTimestampRequest(new Uint8Array(20), 'SHA-256');
    expect(parseTimestampResponse(await tsa.respond(shortImprint)).token).toBeUndefined();
  });

  it('echoes the nonce and leaves certificates out when certReq is false', async () => {
    const nonce = Uint8Array.of(0x12, 0x34, 0x56);
    const req = buildTimestampRequest(new Uint8Array(32).fill(7), 'SHA-256', { nonce, certReq: false });
    expect(openssl(['ts', '-query', '-in', tmp.write('q.tsq', req), '-text']).out).toContain(
      'Nonce: 0x123456',
    );
    const token = parseTimestampResponse(await tsa.respond(req)).token as Uint8Array;
    expect(parseSignedData(token).certificates).toHaveLength(0);
    expect((await verifyTimestampToken(token, new Uint8Array(32).fill(7))).nonce).toBe('123456');
  });
});

describe('B-T signature with the in-process TSA', () => {
  it('adds a signature-time-stamp over the signature value that openssl accepts', async () => {
    const s = await issueSignerCertificate(pki.issuing, { legalName: 'Timestamped', keyType: 'rsa' });
    const digest = createHash('sha256').update('pdf').digest();
    const cms = await buildPadesSignedData({
      signer: s.signer,
      documentDigest: digest,
      timestamper: inProcessTimestamper(tsa),
    });
    const parsed = parseSignedData(cms);
    expect(parsed.timestampTokens).toHaveLength(1);
    const v = await verifySignedData(cms, digest);
    expect(v.isValid).toBe(true);
    expect(v.timestamps[0]?.isValid).toBe(true);
    const token = parsed.timestampTokens[0] as Uint8Array;
    const sigFile = tmp.write('sigvalue.bin', parsed.signerInfo.signature);
    const ts = openssl([
      'ts',
      '-verify',
      '-in',
      tmp.write('tok.der', token),
      '-token_in',
      '-data',
      sigFile,
      '-CAfile',
      rootPem,
      '-untrusted',
      icaPem,
    ]);
    expect(ts.out).toContain('Verification: OK');
    const tampered = Uint8Array.from(cms);
    const tsaSignature = parseSignedData(token).signerInfo.signature;
    const at = Buffer.from(cms).indexOf(Buffer.from(tsaSignature)) + 8;
    expect(at).toBeGreaterThan(8);
    tampered[at] = (tampered[at] as number) ^ 0x01;
    const tv = await verifySignedData(tampered, digest);
    expect(tv.isValid).toBe(false);
    expect(tv.problems.map((p) => p.code)).toContain('TIMESTAMP_INVALID');
  });
});
