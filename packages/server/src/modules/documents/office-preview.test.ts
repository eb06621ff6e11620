import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postDocument, scopedHeaderAuthModule } from '../../../test/documents-kit.js';
import { docx, paragraph } from '../../../test/office-files.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './documents.catalogue.js';

// Office previews through the real LibreOffice pool (installed by scripts/system-deps.sh).
const admin = {
  ...asUser('019a0000-0000-7000-8000-0000000000b1', Object.values(can)),
  'x-test-scope': 'all',
};
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, scopedHeaderAuthModule] } });
});
afterAll(async () => {
  await t?.close();
});

async function uploadDocx(bytes: Buffer) {
  const res = await postDocument(
    t,
    admin,
    { category: 'contract', entity_type: 'contract', entity_id: 'C-9', contract_number: 'HT-9' },
    { name: '合同.docx', bytes },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { document: { id: string }; version: { previewable: boolean } };
}

describe('office previews', () => {
  it('converts a DOCX once, then serves the cached PDF for every later preview of that content', async () => {
    const { document, version } = await uploadDocx(docx(paragraph('甲方与乙方签订本合同')));
    expect(version.previewable).toBe(true);
    const url = `/api/v1/documents/${document.id}/versions/1/preview`;
    const [first, concurrent] = await Promise.all([
      t.app.inject({ method: 'GET', url, headers: admin }),
      t.app.inject({ method: 'GET', url, headers: admin }),
    ]);
    for (const res of [first, concurrent]) {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toContain('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // Two requests at once shared one conversion.
    expect(t.app.signx.converter.stats()?.converted).toBe(1);
    const again = await t.app.inject({ method: 'GET', url, headers: admin });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(t.app.signx.converter.stats()?.converted).toBe(1);
  }, 120_000);

  it('rebuilds a preview whose cached file was removed', async () => {
    const { document } = await uploadDocx(docx(paragraph('שלום עולם', { rtl: true })));
    const url = `/api/v1/documents/${document.id}/versions/1/preview`;
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).statusCode).toBe(200);
    const before = t.app.signx.converter.stats()?.converted ?? 0;
    await rm(join(t.dataDir, 'documents-previews'), { recursive: true, force: true });
    const rebuilt = await t.app.inject({ method: 'GET', url, headers: admin });
    expect(rebuilt.statusCode).toBe(200);
    expect(t.app.signx.converter.stats()?.converted).toBe(before + 1);
  }, 120_000);

  it('renders page thumbnails of a DOCX from its converted preview', async () => {
    const { document } = await uploadDocx(docx(paragraph('缩略图 תמונה ממוזערת')));
    const base = `/api/v1/documents/${document.id}/versions/1/thumbnails`;
    const list = await t.app.inject({ method: 'GET', url: base, headers: admin });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data).toEqual({ pages: 1, max_pages: 12 });
    const page = await t.app.inject({ method: 'GET', url: `${base}/1`, headers: admin });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'image/png']);
  }, 120_000);
});
