import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from './certificate.parser.js';
import { createCrl, parseCrl } from './crl.service.js';
import { buildOcspRequest, parseOcspRequest } from './ocsp-request.js';
import { type OcspResponderOptions, ocspRespond } from './ocsp-responder.js';
import { parseOcspResponse } from './ocsp-response.parser.js';
import {
  createFixturePki,
  type FixturePki,
  issueSignerCertificate,
  loopbackServer,
  openssl,
  scratch,
} from './pki.fixture.js';
import type { IssuedSigner } from './pki.types.js';
import { RevocationRegistry } from './revocation-registry.js';

let pki: FixturePki;
let good: IssuedSigner;
let revoked: IssuedSigner;
const registry = new RevocationRegistry();
const revokedAt = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const tmp = scratch();
let server: Awaited<ReturnType<typeof loopbackServer>>;
let responder: OcspResponderOptions;

beforeAll(async () => {
  pki = await createFixturePki();
  good = await issueSignerCertificate(pki.issuing, { legalName: 'Good' });
  revoked = await issueSignerCertificate(pki.issuing, { legalName: 'Revoked' });
  registry.revoke(parseCertificate(revoked.certificate).serial, 'keyCompromise', revokedAt);
  responder = {
    issuer: pki.issuing.certificate,
    responder: { certificate: pki.ocsp.certificate, privateKeyPem: pki.ocsp.privateKeyPem },
    statusOf: (serial) => registry.statusOf(serial),
  };
  server = await loopbackServer(async (_req, body, res) => {
    res.setHeader('content-type', 'application/ocsp-response');
    res.end(await ocspRespond(body, responder));
  });
});
afterAll(() => server.close());

describe('CRL generation', () => {
  it('produces a CRL that openssl crl -verify accepts, listing the revoked serial with its reason and date', async () => {
    const crl = await createCrl(pki.issuing, registry.entries(), { crlNumber: 42 });
    const file = tmp.write('ca.crl', crl);
    const r = openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      file,
      '-noout',
      '-text',
      '-CAfile',
      tmp.pem('ica.pem', pki.issuing.certificate),
      '-verify',
    ]);
    expect(r.out).toContain('verify OK');
    expect(r.out).toContain(`Serial Number: ${parseCertificate(revoked.certificate).serial.toUpperCase()}`);
    expect(r.out).toContain('Key Compromise');
    expect(r.out).toContain('Revocation Date: Jan  2 03:04:05 2026 GMT');
    expect(r.out).toMatch(/CRL Number:\s+42/);
    const parsed = parseCrl(crl);
    expect(parsed.entries).toEqual([
      { serial: parseCertificate(revoked.certificate).serial, revokedAt, reason: 'keyCompromise' },
    ]);
  });

  it('fails openssl verification against another CA', async () => {
    const crl = await createCrl(pki.issuing, []);
    const r = openssl([
      'crl',
      '-inform',
      'DER',
      '-in',
      tmp.write('e.crl', crl),
      '-noout',
      '-CAfile',
      tmp.pem('root.pem', pki.root.certificate),
      '-verify',
    ]);
    expect(r.out).not.toContain('verify OK');
  });
});

describe('OCSP responder', () => {
  it('answers good and revoked (with time and reason); openssl ocsp -respin verifies the responses', async () => {
    const chain = tmp.write(
      'chain.pem',
      openssl(['x509', '-inform', 'DER'], pki.issuing.certificate).stdout.toString() +
        openssl(['x509', '-inform', 'DER'], pki.root.certificate).stdout.toString(),
    );
    for (const [name, cert, expected] of [
      ['good', good, 'Cert Status: good'],
      ['revoked', revoked, 'Cert Status: revoked'],
    ] as const) {
      const req = buildOcspRequest(cert.certificate, pki.issuing.certificate);
      const resp = await ocspRespond(req, responder);
      const r = openssl([
        'ocsp',
        '-respin',
        tmp.write(`${name}.resp`, resp),
        '-reqin',
        tmp.write(`${name}.req`, req),
        '-CAfile',
        chain,
        '-resp_text',
      ]);
      expect(r.out).toContain('Response verify OK');
      expect(r.out).toContain(expected);
    }
    const parsed = parseOcspResponse(
      await ocspRespond(buildOcspRequest(revoked.certificate, pki.issuing.certificate), responder),
    );
    expect(parsed.responses[0]?.status).toEqual({ status: 'revoked', revokedAt, reason: 'keyCompromise' });
  });

  it('serves openssl ocsp as an HTTP client', async () => {
    const args = [
      'ocsp',
      '-url',
      server.url,
      '-issuer',
      tmp.pem('ica.pem', pki.issuing.certificate),
      '-CAfile',
      tmp.pem('root.pem', pki.root.certificate),
    ];
    const out = await new Promise<string>((resolve) => {
      const p = spawn('openssl', [...args, '-cert', tmp.pem('rev.pem', revoked.certificate)]);
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.stderr.on('data', (d) => (text += d));
      p.on('close', () => resolve(text));
    });
    expect(out).toContain('Response verify OK');
    expect(out).toContain(': revoked');
    expect(out).toContain('Reason: keyCompromise');
  });

  it('can sign with the CA key itself (no delegated responder) and openssl accepts that too', async () => {
    const req = buildOcspRequest(good.certificate, pki.issuing.certificate);
    const resp = await ocspRespond(req, { ...responder, responder: pki.issuing });
    expect(parseOcspResponse(resp).certificates).toHaveLength(0);
    const root = tmp.pem('root-only.pem', pki.root.certificate);
    const r = openssl([
      'ocsp',
      '-respin',
      tmp.write('ca.resp', resp),
      '-reqin',
      tmp.write('ca.req', req),
      '-CAfile',
      root,
      '-VAfile',
      tmp.pem('va.pem', pki.issuing.certificate),
      '-resp_text',
    ]);
    expect(r.out).toContain('Response verify OK');
  });

  it('accepts SHA-256 CertIDs and answers unknown for another issuer', async () => {
    const sha256 = parseOcspResponse(
      await ocspRespond(
        buildOcspRequest(good.certificate, pki.issuing.certificate, { hash: 'SHA-256' }),
        responder,
      ),
    );
    expect(sha256.responses[0]?.status.status).toBe('good');
    const foreign = parseOcspResponse(
      await ocspRespond(buildOcspRequest(pki.issuing.certificate, pki.root.certificate), responder),
    );
    expect(foreign.responses[0]?.status.status).toBe('unknown');
  });

  it('answers malformedRequest to garbage and parses openssl-made requests', async () => {
    expect(parseOcspResponse(await ocspRespond(Buffer.from('nope'), responder)).status).toBe(1);
    const reqFile = `${tmp.dir}/o.req`;
    const made = openssl([
      'ocsp',
      '-issuer',
      tmp.pem('ica2.pem', pki.issuing.certificate),
      '-cert',
      tmp.pem('good.pem', good.certificate),
      '-reqout',
      reqFile,
    ]);
    expect(made.status, made.out).toBe(0);
    const { readFileSync } = await import('node:fs');
    const parsedReq = parseOcspRequest(readFileSync(reqFile));
    expect(parsedReq.certIds[0]?.serial).toBe(parseCertificate(good.certificate).serial);
    expect(parsedReq.nonce?.length).toBeGreaterThan(0);
  });
});

describe('RevocationRegistry', () => {
  it('keeps the first revocation and allows lifting only a hold', () => {
    const r = new RevocationRegistry();
    r.revoke('00ab', 'certificateHold', new Date(1000));
    expect(r.release('ab')).toBe(true);
    expect(r.statusOf('ab').status).toBe('good');
    r.revoke('ab', 'superseded', new Date(2000));
    r.revoke('ab', 'keyCompromise', new Date(3000));
    expect(r.statusOf(Uint8Array.of(0xab))).toEqual({
      status: 'revoked',
      revokedAt: new Date(2000),
      reason: 'superseded',
    });
    expect(r.release('ab')).toBe(false);
  });
});
