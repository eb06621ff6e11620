import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documents } from '../src/modules/documents/index.js';
import { systemActor } from '../src/platform/actor.js';
import { inTransaction } from '../src/platform/db/transaction.js';
import type { RecordsTestApp, Signer } from './records-kit.js';
import { onePagePdf } from './signing-instances-kit.js';

/** Helpers of the records suites that sign PDF document versions (§11.50 in the PDF). */
export const documentPolicy = {
  resource_type: 'document',
  operation_type: 'approve',
  policy_name: 'Document approval',
  signature_level: 'enhanced',
  authentication_factors: 2,
  session_timeout: 10,
  session_absolute_timeout: 60,
  cooling_period: null,
  require_reason: false,
  allowed_meanings: ['approval', 'review', 'confirmation'],
  time_zone: 'Asia/Shanghai',
};

/** Files a one-page PDF as a document owned by the signer; answers its id. */
export async function pdfDocument(
  t: RecordsTestApp,
  owner: Signer,
  title: string,
  bytes?: Uint8Array,
): Promise<string> {
  const ctx = t.app.signx;
  const staged = await documents.stage(ctx, bytes ?? (await onePagePdf(title)), `${title}.pdf`);
  const filed = await inTransaction(ctx.db, (trx) =>
    documents.create(trx, ctx, systemActor('test'), {
      entityType: 'batch',
      entityId: title,
      title,
      category: 'technical',
      ownerId: owner.id,
      content: staged,
    }),
  );
  return filed.document.id;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The stored file holding these bytes (content-addressed local storage under DATA_DIR). */
export async function storedFileOf(dataDir: string, hash: string): Promise<string> {
  const entries = await readdir(join(dataDir, 'storage'), { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || e.parentPath.includes('.tmp')) continue;
    const path = join(e.parentPath, e.name);
    if (sha256(await readFile(path)) === hash) return path;
  }
  throw new Error(`no stored file with SHA-256 ${hash}`);
}

export function pdftotext(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'signx-records-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

/** pdftotext gives right-to-left runs in logical or visual order; accept either per word. */
export function containsWords(text: string, phrase: string): boolean {
  const clean = text.replace(/[\u202a-\u202e]/g, '');
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => clean.includes(w) || clean.includes([...w].reverse().join('')));
}
