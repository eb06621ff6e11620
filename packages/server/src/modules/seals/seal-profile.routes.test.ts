import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTimestampAuthority, validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDocument, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { contractPdf } from '../../../test/seals-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { PLATFORM_DEFAULT } from '../profiles/index.js';

/**
 * Seal apply follows the organisation's signing profile: its PAdES level and its TSA list,
 * asked in order (a TSA that is down fails over to the next, through the SSRF-safe client
 * whose allow-list names loopback here). All TSAs down: 503 naming each, nothing stored.
 */
const adminId = '019a0000-0000-7000-8000-00000000a001';
const headers = {
  'x-test-user': adminId,
  'x-test-permissions': [
    'profiles.profile.read',
    'profiles.profile.manage',
    'seals.seal.manage',
    'seals.authorisation.manage',
    'seals.seal.use',
    'documents.document.read',
    'documents.document.upload',
  ].join(','),
  'x-test-scope': 'all',
};
let t: TestApp;
let tsa: Server;
let tsaHits = 0;
let okUrl = '';
let downUrl = '';
let refusingUrl = '';
const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await createTestApp({
    env: { OUTBOUND_ALLOW_LIST: '127.0.0.1' },
    build: { modules: [...modules, scopedHeaderAuthModule] },
  });
  const m = await t.app.signx.trust.material();
  const authority = createTimestampAuthority({
    certificate: m.tsa.certificate,
    key: m.tsa.privateKeyPem,
    chain: m.tsa.chain,
  });
  tsa = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url === '/refuse') return void res.writeHead(503).end('maintenance');
    tsaHits += 1;
    res.setHeader('content-type', 'application/timestamp-reply');
    res.end(await authority.respond(Buffer.concat(chunks)));
  });
  const base = await listen(tsa);
  okUrl = `${base}/tsa`;
  refusingUrl = `${base}/refuse`;
  const closed = createServer();
  downUrl = `${await listen(closed)}/tsa`;
  await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more
}, 120_000);
afterAll(async () => {
  tsa?.close();
  await t?.close();
});

/** An authorised seal of `organisation`, a fresh contract, and the organisation's profile. */
async function setUp(organisation: string, settings: object) {
  const saved = await api('POST', '/profiles', {
    scope_type: 'organisation',
    scope_id: organisation,
    name: `${organisation} profile`,
    settings: { ...PLATFORM_DEFAULT, ...settings },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  const seal = await api('POST', '/seals', { organisation, seal_type: 'contract', name: '合同专用章' });
  const sealId = seal.json().data.id as string;
  await api('POST', `/seals/${sealId}/authorisations`, {
    subject_type: 'user',
    subject_id: adminId,
    valid_from: '2020-01-01T00:00:00.000Z',
    valid_until: '2099-01-01T00:00:00.000Z',
  });
  const filed = await postDocument(
    t,
    headers,
    { category: 'contract', entity_type: 'contract', entity_id: organisation, title: '合同' },
    { name: 'c.pdf', bytes: await contractPdf(1), type: 'application/pdf' },
  );
  const documentId = filed.json().data.document.id as string;
  const apply = () =>
    api('POST', `/seals/${sealId}/apply`, {
      document_id: documentId,
      placement: { mode: 'coordinates', page: 1, x: 100, y: 100 },
    });
  return { sealId, documentId, apply };
}

describe('seal apply under the organisation profile', () => {
  it('a profile requiring B-LT yields a B-LT seal, time-stamped by the second TSA when the first is down', async () => {
    const s = await setUp('长期验证有限公司', { pades_level: 'B-LT', tsa_urls: [downUrl, okUrl] });
    const before = tsaHits;
    const applied = await s.apply();
    expect(applied.statusCode, applied.body).toBe(201);
    expect(tsaHits - before).toBe(1);
    const current = await documents.current(t.database.db, s.documentId);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root], revocation: 'embedded' });
    expect(report.hasDss).toBe(true);
    expect(report.signatures.map((r) => [r.kind, r.level])).toEqual([['signature', 'B-LT']]);
    expect(report.signatures[0]).toMatchObject({ isValid: true, timestamp: { isValid: true } });
  });

  it('a B-B profile seals without a time-stamp, with its default reason; B-T asks the TSA once', async () => {
    const plain = await setUp('基础签名有限公司', {
      pades_level: 'B-B',
      tsa_urls: [okUrl],
      reasons: ['盖章确认', '合同用印'],
    });
    const before = tsaHits;
    expect((await plain.apply()).statusCode).toBe(201);
    expect(tsaHits).toBe(before);
    const current = await documents.current(t.database.db, plain.documentId);
    const report = await validate(await documents.read(t.app.signx, current.sha256), {
      trustAnchors: [await t.app.signx.trust.rootCertificate()],
      revocation: 'off',
    });
    expect(report.signatures.map((r) => [r.kind, r.level, r.reason])).toEqual([
      ['signature', 'B-B', '盖章确认'],
    ]);
    const stamped = await setUp('时间戳有限公司', { pades_level: 'B-T', tsa_urls: [refusingUrl, okUrl] });
    expect((await stamped.apply()).statusCode).toBe(201);
    expect(tsaHits).toBe(before + 1);
  });

  it('every TSA down: 503 naming each TSA tried, no new version, no log entry', async () => {
    const s = await setUp('无时间戳有限公司', { pades_level: 'B-T', tsa_urls: [downUrl, refusingUrl] });
    const versionBefore = (await documents.current(t.database.db, s.documentId)).version;
    const refused = await s.apply();
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json().message).toContain(downUrl);
    expect(refused.json().message).toContain(refusingUrl);
    expect((await documents.current(t.database.db, s.documentId)).version).toBe(versionBefore);
    const uses = await t.database.db
      .selectFrom('seal_uses')
      .where('seal_id', '=', s.sealId)
      .selectAll()
      .execute();
    expect(uses).toEqual([]);
  });
});
