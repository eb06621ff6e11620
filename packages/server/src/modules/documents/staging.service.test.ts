import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../platform/storage/local-storage.js';
import { readContent } from './content.service.js';
import { ContentCache } from './content-cache.js';
import type { DocumentsDeps } from './documents.deps.js';
import { documentsErrors } from './documents.errors.js';
import { stageContent } from './staging.service.js';

// Staging bytes already in memory (a signed PDF) checks them in memory and writes them once;
// the result is the one staging the same bytes as a stream gives, and refusals store nothing.
const root = mkdtempSync(join(tmpdir(), 'signx-staging-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const storage = createLocalStorage({ root: join(root, 'objects') });
const settings = {
  maxUploadBytes: 64 * 1024,
  trashDays: 30,
  maxUnpackedBytes: 1024 * 1024,
  maxArchiveEntries: 100,
  storageGraceMs: 0,
};
const deps = {
  storage,
  settings,
  spoolDir: join(root, 'spool'),
  contentCache: new ContentCache(),
} as unknown as DocumentsDeps;
const objects = () =>
  readdirSync(join(root, 'objects'), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f)));

describe('stageContent of bytes in memory', () => {
  it('gives what staging the same bytes as a stream gives, and reads back from memory', async () => {
    const pdf = Buffer.from(`%PDF-1.7\n${'x'.repeat(20_000)}\n%%EOF\n`);
    const fromBytes = await stageContent(deps, pdf, 'a.pdf');
    const fromStream = await stageContent(deps, Readable.from([pdf]), 'a.pdf');
    expect(fromBytes).toEqual(fromStream);
    expect(fromBytes).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(await storage.read(fromBytes.sha256)).toEqual(pdf);
    const docx = zipSync({
      '[Content_Types].xml': Buffer.from(
        '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/vbaProject.bin': Buffer.from('macro'),
    });
    expect(await stageContent(deps, docx, 'b.docx')).toMatchObject({ kind: 'docx', inert: true });
    // The content cache answers for staged bytes (a copy: writing into it changes nothing held).
    const read = await readContent(deps, fromBytes.sha256);
    expect(read).toEqual(pdf);
    read.fill(0);
    expect(await readContent(deps, fromBytes.sha256)).toEqual(pdf);
    expect(readdirSync(join(root, 'spool'), { recursive: true })).toEqual([]);
  });

  it('refuses bad bytes before storage sees any', async () => {
    const before = objects().length;
    const cases: [Uint8Array, object][] = [
      [
        Buffer.from('<!doctype html><script>alert(1)</script>'),
        { domain: documentsErrors.DOCUMENT_TYPE_REFUSED },
      ],
      [Buffer.alloc(0), { domain: documentsErrors.DOCUMENT_EMPTY }],
      [Buffer.from(`%PDF-1.7\n${'x'.repeat(70_000)}`), { code: 'TOO_LARGE' }],
    ];
    for (const [bytes, error] of cases)
      await expect(stageContent(deps, bytes, 'x.pdf')).rejects.toMatchObject(error);
    expect(objects().length).toBe(before);
  });
});

describe('ContentCache', () => {
  it('keeps one app context’s bytes to itself, bounds them and drops the least recently used', () => {
    const a = new ContentCache(10, 6);
    const b = new ContentCache(10, 6);
    a.remember('h1', Buffer.from('1111'));
    expect(b.get('h1')).toBeUndefined();
    a.remember('big', Buffer.from('7777777'));
    expect(a.get('big')).toBeUndefined();
    a.remember('h2', Buffer.from('2222'));
    expect(a.get('h1')?.toString()).toBe('1111');
    a.remember('h3', Buffer.from('3333'));
    expect(a.get('h2')).toBeUndefined();
    expect(a.get('h1')?.toString()).toBe('1111');
    expect(a.get('h3')?.toString()).toBe('3333');
  });
});
