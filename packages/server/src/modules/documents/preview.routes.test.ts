import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  docmBytes,
  pdfBytes,
  pngBytes,
  postDocument,
  scopedHeaderAuthModule,
} from '../../../test/documents-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './documents.catalogue.js';
import { documentsErrors } from './documents.errors.js';

// Thumbnails through the real pdftoppm and watermarks checked with the real pdftotext (poppler-utils).
const adminId = '019a0000-0000-7000-8000-0000000000c1';
const admin = { ...asUser(adminId, Object.values(can)), 'x-test-scope': 'all' };
const stranger = asUser('019a0000-0000-7000-8000-0000000000c2', Object.values(can));
let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await db()
    .updateTable('document_retention_policies')
    .set({ keep_years: 0, worm: 0, watermark: 0 })
    .execute();
});

async function pagesPdf(count: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= count; page += 1) {
    doc.addPage([595, 842]).drawText(`Contract page ${page}`, { x: 60, y: 760, size: 24, font });
  }
  return Buffer.from(await doc.save());
}

async function upload(name: string, bytes: Buffer, category = 'contract') {
  const res = await postDocument(
    t,
    admin,
    { category, entity_type: 'contract', entity_id: 'C-7', contract_number: 'HT-7' },
    { name, bytes },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { document: { id: string }; version: { sha256: string } };
}

const get = (url: string, headers: Record<string, string> = admin) =>
  t.app.inject({ method: 'GET', url: `/api/v1/documents${url}`, headers });
/** A complete 1×1 PNG (the kit's pngBytes() is only a header: a damaged image here). */
const realPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const pngWidth = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
const thumbnailDir = () => join(t.dataDir, 'documents-thumbnails');

describe('page thumbnails', () => {
  it('renders the pages of a PDF once with pdftoppm, small, cached by content, inside the caller’s scope', async () => {
    const { document, version } = await upload('三页.pdf', await pagesPdf(3));
    const list = await get(`/${document.id}/versions/1/thumbnails`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data).toEqual({ pages: 3, max_pages: 12 });
    const page = await get(`/${document.id}/versions/1/thumbnails/2`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('image/png');
    expect(page.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.max(...pngWidth(page.rawPayload))).toBeLessThanOrEqual(240);
    expect(readdirSync(join(thumbnailDir(), version.sha256)).sort()).toEqual([
      '1.png',
      '2.png',
      '3.png',
      'pages.json',
    ]);
    expect((await get(`/${document.id}/versions/1/thumbnails/4`)).statusCode).toBe(404);
    expect((await get(`/${document.id}/versions/1/thumbnails/0`)).statusCode).toBe(400);
    // Another user's own scope does not reach the document, nor its thumbnails.
    expect((await get(`/${document.id}/versions/1/thumbnails/1`, stranger)).statusCode).toBe(404);
    expect((await get(`/${document.id}/versions/1/thumbnails`, stranger)).statusCode).toBe(404);
  }, 60_000);

  it('covers only the first 12 pages of a long PDF', async () => {
    const { document } = await upload('long.pdf', await pagesPdf(15));
    expect((await get(`/${document.id}/versions/1/thumbnails`)).json().data.pages).toBe(12);
  }, 60_000);

  it('answers a clear error for a PDF pdftoppm cannot render and for images, caching nothing', async () => {
    const { document, version } = await upload('broken.pdf', pdfBytes('no pages at all'));
    const broken = await get(`/${document.id}/versions/1/thumbnails`);
    expect([broken.statusCode, broken.json().code]).toEqual([
      503,
      documentsErrors.DOCUMENT_THUMBNAILS_FAILED.api,
    ]);
    expect(broken.json().message).toMatch(/thumbnails could not be made/);
    expect(readdirSync(thumbnailDir()).filter((name) => name.includes(version.sha256))).toEqual([]);
    const image = await upload('p.png', pngBytes());
    const refused = await get(`/${image.document.id}/versions/1/thumbnails`);
    expect([refused.statusCode, refused.json().code]).toEqual([409, documentsErrors.DOCUMENT_NO_PREVIEW.api]);
  }, 60_000);
});

describe('viewer watermark per category', () => {
  const setPolicy = (body: Record<string, unknown>) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/documents/retention-policies/contract',
      headers: admin,
      payload: body,
    });
  const textOf = (pdf: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-wm-'));
    writeFileSync(join(dir, 'in.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
  };
  const watermarkEvents = () =>
    db()
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'documents.document.watermarked_copy')
      .execute();

  it('stamps the viewer’s name, time and IP on every page of previews and downloads, original untouched, audited', async () => {
    const original = await pagesPdf(2);
    const { document, version } = await upload('合同.pdf', original);
    const set = await setPolicy({ keep_years: 0, worm: false, watermark: true });
    expect([set.statusCode, set.json().data.watermark]).toEqual([200, true]);
    const before = (await watermarkEvents()).length;

    const preview = await get(`/${document.id}/versions/1/preview`);
    expect(preview.statusCode, preview.body.slice(0, 200)).toBe(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.headers.etag).toBeUndefined();
    const pages = textOf(preview.rawPayload)
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page).toContain('user-00c1');
      expect(page).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
      expect(page).toContain('127.0.0.1');
    }

    const download = await get(`/${document.id}/versions/1/content`, { ...admin, range: 'bytes=0-9' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(textOf(download.rawPayload)).toContain('user-00c1');

    // The stored bytes are the original's, still matching the version's SHA-256.
    const stored = await t.app.signx.storage.read(version.sha256);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(version.sha256);
    expect(stored.equals(original)).toBe(true);
    const events = (await watermarkEvents()).slice(before);
    expect(events.map((e) => JSON.parse(String(e.details)).purpose)).toEqual(['preview', 'download']);
    expect(events.every((e) => e.entity_id === document.id)).toBe(true);
  }, 60_000);

  it('serves a PNG as a stamped one-page PDF and refuses what cannot carry a watermark, serving nothing', async () => {
    await setPolicy({ keep_years: 0, worm: false, watermark: true });
    const png = await upload('scan.png', realPng);
    const stamped = await get(`/${png.document.id}/versions/1/preview`);
    expect(stamped.statusCode).toBe(200);
    expect(stamped.headers['content-disposition']).toContain('scan.pdf');
    expect(textOf(stamped.rawPayload)).toContain('user-00c1');

    const before = (await watermarkEvents()).length;
    const gif = await upload('a.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    const refused = await get(`/${gif.document.id}/versions/1/preview`);
    expect([refused.statusCode, refused.json().code]).toEqual([
      415,
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED.api,
    ]);
    const truncated = await upload('cut.png', pngBytes());
    const cut = await get(`/${truncated.document.id}/versions/1/preview`);
    expect([cut.statusCode, cut.json().code]).toEqual([
      415,
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED.api,
    ]);
    const broken = await upload('broken.pdf', pdfBytes('not really a pdf'));
    const damaged = await get(`/${broken.document.id}/versions/1/content`);
    expect([damaged.statusCode, damaged.json().code]).toEqual([
      415,
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED.api,
    ]);
    expect(damaged.body).not.toContain('not really a pdf');
    // A macro file is never rendered: in a watermark category it cannot be downloaded either.
    const macro = await upload('m.docm', docmBytes());
    const inert = await get(`/${macro.document.id}/versions/1/content`);
    expect([inert.statusCode, inert.json().code]).toEqual([
      415,
      documentsErrors.DOCUMENT_WATERMARK_UNSUPPORTED.api,
    ]);
    expect(inert.json().message).toMatch(/no PDF rendition/);
    expect((await watermarkEvents()).length).toBe(before);
  }, 60_000);

  it('keeps other categories unmarked and refuses a bad setting without changing the policy', async () => {
    await setPolicy({ keep_years: 0, worm: false, watermark: true });
    const { document } = await upload('tech.pdf', await pagesPdf(1), 'technical');
    const plain = await get(`/${document.id}/versions/1/preview`);
    expect(plain.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(textOf(plain.rawPayload)).not.toContain('user-00c1');

    const bad = await setPolicy({ keep_years: 0, worm: false, watermark: 'yes' });
    expect(bad.statusCode).toBe(400);
    // Absent means unchanged: a client that predates the setting does not switch it off.
    expect((await setPolicy({ keep_years: 2, worm: false })).json().data.watermark).toBe(true);
    const listed = await get('/retention-policies');
    expect(listed.json().data.find((p: { category: string }) => p.category === 'contract')).toMatchObject({
      keep_years: 2,
      watermark: true,
    });
  }, 60_000);
});
