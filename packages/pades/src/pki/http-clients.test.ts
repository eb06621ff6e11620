import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTimestampToken } from '../cms/timestamp-token.verifier.js';
import { PadesError } from '../errors.js';
import { createCrl } from './crl.service.js';
import { httpTimestamper } from './http-timestamper.js';
import { ocspRespond } from './ocsp-responder.js';
import {
  closedPortUrl,
  createFixturePki,
  type FixturePki,
  issueSignerCertificate,
  loopbackServer,
} from './pki.fixture.js';
import { fetchCrl, fetchOcsp } from './revocation-fetch.js';
import { createTimestampAuthority } from './tsa.service.js';

let pki: FixturePki;
const servers: Awaited<ReturnType<typeof loopbackServer>>[] = [];
let tsaUrl: string;
let hangUrl: string;
let refusingTsaUrl: string;
let downUrl: string;
let lastAuth: string | undefined;
const imprint = createHash('sha256').update('signature value').digest();

async function code(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PadesError);
  return (err as PadesError).code;
}

beforeAll(async () => {
  pki = await createFixturePki();
  const tsa = createTimestampAuthority({
    certificate: pki.tsa.certificate,
    key: pki.tsa.privateKeyPem,
    chain: pki.tsa.chain,
  });
  const ok = await loopbackServer(async (req, body, res) => {
    lastAuth = req.headers.authorization;
    if (req.url === '/tsa')
      res.setHeader('content-type', 'application/timestamp-reply').end(await tsa.respond(body));
    else if (req.url === '/ocsp') {
      const opts = {
        issuer: pki.issuing.certificate,
        responder: pki.ocsp,
        statusOf: () => ({ status: 'good' as const }),
      };
      res.end(await ocspRespond(body, opts));
    } else if (req.url === '/ca.crl') res.end(await createCrl(pki.issuing, []));
    else if (req.url === '/ca.pem.crl') {
      const der = await createCrl(pki.issuing, []);
      res.end(`-----BEGIN X509 CRL-----\n${Buffer.from(der).toString('base64')}\n-----END X509 CRL-----\n`);
    } else res.writeHead(500).end('boom');
  });
  const hang = await loopbackServer(() => undefined);
  const refusing = await loopbackServer((_req, _body, res) => {
    res.end(Buffer.from('30053003020102', 'hex'));
  });
  servers.push(ok, hang, refusing);
  tsaUrl = `${ok.url}/tsa`;
  hangUrl = `${hang.url}/tsa`;
  refusingTsaUrl = refusing.url;
  downUrl = await closedPortUrl();
});
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('httpTimestamper', () => {
  it('gets a valid token and sends basic auth when configured', async () => {
    const t = httpTimestamper({ urls: [tsaUrl], fetch, username: 'u', password: 'p' });
    const token = await t.timestamp(imprint, 'SHA-256');
    expect((await verifyTimestampToken(token, imprint)).isValid).toBe(true);
    expect(lastAuth).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('fails over: a refused connection, a hanging TSA and a refusing TSA before a working one', async () => {
    const t = httpTimestamper({ urls: [downUrl, hangUrl, refusingTsaUrl, tsaUrl], fetch, timeoutMs: 300 });
    const token = await t.timestamp(imprint, 'SHA-256');
    expect((await verifyTimestampToken(token, imprint)).imprintMatches).toBe(true);
  });

  it('throws TSA_UNAVAILABLE when no TSA answers (never a silent B-B), naming each failure', async () => {
    const t = httpTimestamper({ urls: [downUrl, hangUrl, refusingTsaUrl], fetch, timeoutMs: 300 });
    const err = await t.timestamp(imprint, 'SHA-256').then(
      () => undefined,
      (e: unknown) => e as PadesError,
    );
    expect(err?.code).toBe('TSA_UNAVAILABLE');
    expect(err?.message).toContain('timed out');
    expect(err?.message).toContain('status 2');
  });
});

describe('fetchOcsp / fetchCrl', () => {
  it('fetches and checks an OCSP response from the URL in the certificate', async () => {
    const s = await issueSignerCertificate(pki.issuing, {
      legalName: 'Fetch',
      ocspUrl: tsaUrl.replace('/tsa', '/ocsp'),
    });
    const der = await fetchOcsp(s.certificate, pki.issuing.certificate, { fetch });
    expect(der[0]).toBe(0x30);
    expect(await code(fetchOcsp(s.certificate, pki.root.certificate, { fetch }))).toBe(
      'REVOCATION_UNAVAILABLE',
    );
    expect(
      await code(fetchOcsp(s.certificate, pki.issuing.certificate, { fetch, url: hangUrl, timeoutMs: 200 })),
    ).toBe('REVOCATION_UNAVAILABLE');
    const noUrl = await issueSignerCertificate(pki.issuing, { legalName: 'No URL' });
    expect(await code(fetchOcsp(noUrl.certificate, pki.issuing.certificate, { fetch }))).toBe(
      'REVOCATION_UNAVAILABLE',
    );
  });

  it('fetches DER and PEM CRLs and refuses errors and oversized bodies', async () => {
    const base = tsaUrl.replace('/tsa', '');
    expect((await fetchCrl(`${base}/ca.crl`, { fetch }))[0]).toBe(0x30);
    expect((await fetchCrl(`${base}/ca.pem.crl`, { fetch }))[0]).toBe(0x30);
    expect(await code(fetchCrl(`${base}/missing`, { fetch }))).toBe('REVOCATION_UNAVAILABLE');
    expect(await code(fetchCrl(`${base}/ca.crl`, { fetch, maxBytes: 10 }))).toBe('REVOCATION_UNAVAILABLE');
    expect(await code(fetchCrl(downUrl, { fetch, timeoutMs: 200 }))).toBe('REVOCATION_UNAVAILABLE');
  });
});
