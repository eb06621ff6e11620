import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { manualClock } from '../../platform/db/clock.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingDeps } from './signing.deps.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000f5', Object.values(can));
const clock = manualClock('2026-12-07T08:00:00.000Z');
let t: TestApp;
const api = '/api/v1/digital-signature';
const post = (url: string, payload?: object, headers: Record<string, string> = sender) =>
  t.app.inject({ method: 'POST', url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const verify = async (number: string, language = 'en') =>
  (
    await t.app.inject({
      method: 'GET',
      url: `${api}/verify/${number}`,
      headers: { 'accept-language': language },
    })
  ).json();

/** One request, one external signer who signs with a drawn mark; answers the signature row. */
async function signedOnce(title: string) {
  const created = await post('/requests', {
    entity_type: 'contract',
    entity_id: 900 + title.length,
    title,
    signers: [{ signer_name: 'Noa Verifier', signer_email: 'noa@example.com' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().data.id as string;
  const [link] = (await post(`/requests/${id}/send`)).json().data.links;
  const signed = await post(
    '/sign',
    { token: link.token, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true },
    {},
  );
  expect(signed.statusCode).toBe(201);
  return t.database.db
    .selectFrom('digital_signatures')
    .selectAll()
    .where('id', '=', signed.json().data.signature.id)
    .executeTakeFirstOrThrow();
}
const producedSha = (row: { documents: string }) =>
  (JSON.parse(row.documents) as { sha256: string }[])[0]!.sha256;

const statements: string[] = [];
let counting = false;

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule], clock } });
  // Every statement the app's Kysely executors run, while `counting` (as sign-statements does).
  let proto = Object.getPrototypeOf(t.database.db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function counted(this: unknown, ...args: unknown[]) {
    if (counting) statements.push((args[0] as { sql: string }).sql);
    return original.apply(this, args);
  };
});
afterAll(() => t.close());

describe('public verify by number, with the PDF check memoised by content hash', () => {
  it('keeps the seed shape; a cached valid answer turns invalid at once on revocation (reason_he)', async () => {
    const row = await signedOnce('Cached then revoked');
    const first = await verify(row.signature_number);
    expect(first).toMatchObject({
      valid: true,
      signature_number: row.signature_number,
      signer_name: 'Noa Verifier',
      signed_at: row.signed_at,
      signature_type: 'drawn',
      entity_type: 'contract',
      hash_valid: true,
      document_valid: true,
      code: 0,
      data: { valid: true, signer_name: 'Noa Verifier' },
    });
    expect(first.reason_he).toBeUndefined();
    // The second read is answered from the memo (same content hash, within the re-check interval).
    expect((await verify(row.signature_number)).valid).toBe(true);

    const revoked = await post(`/signatures/${row.id}/revoke`, { reason: 'signed by mistake' });
    expect(revoked.statusCode).toBe(200);
    const after = await verify(row.signature_number, 'he');
    expect(after).toMatchObject({
      valid: false,
      reason_code: 'revoked',
      reason: 'החתימה בוטלה',
      reason_he: 'החתימה בוטלה',
      reason_en: 'The signature was revoked',
      certificate_status: 'revoked',
      status: 'revoked',
    });
    expect(after.data).toMatchObject({ valid: false, reason_he: 'החתימה בוטלה' });
  });

  it('a warm verify runs one SQL statement and reads no stored file (a cold one reads it once)', async () => {
    const row = await signedOnce('Statement count');
    const { storage } = t.app.signx;
    const read = storage.read;
    let reads = 0;
    storage.read = (key) => {
      reads += 1;
      return read.call(storage, key);
    };
    try {
      expect((await verify(row.signature_number)).valid).toBe(true);
      expect(reads).toBe(1);
      counting = true;
      expect((await verify(row.signature_number)).valid).toBe(true);
    } finally {
      counting = false;
      storage.read = read;
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/from "digital_signatures"/);
    expect(reads).toBe(1);
  });

  it('a certificate revoked in the platform CA alone (record untouched) is reported at once', async () => {
    const row = await signedOnce('CA revocation only');
    expect((await verify(row.signature_number)).valid).toBe(true);
    await t.database.db.transaction().execute((trx) =>
      t.app.signx.trust.revoke(trx, {
        serial: row.certificate_serial,
        reason: 'keyCompromise',
        at: clock.now(),
        subject: row.certificate_subject,
        note: 'test',
      }),
    );
    expect(await verify(row.signature_number)).toMatchObject({
      valid: false,
      reason_code: 'revoked',
      certificate_status: 'revoked',
      status: 'valid',
    });
  });

  it('an altered record (signer name, document hash or version list) fails the hash on every read', async () => {
    const row = await signedOnce('Record tamper');
    expect((await verify(row.signature_number)).valid).toBe(true);
    const table = () => t.database.db.updateTable('digital_signatures').where('id', '=', row.id);
    await table().set({ signer_name: 'Mallory' }).execute();
    expect(await verify(row.signature_number)).toMatchObject({ valid: false, reason_code: 'hash_mismatch' });
    await table().set({ signer_name: row.signer_name }).execute();
    expect((await verify(row.signature_number)).valid).toBe(true);
    // Another version listed than the one the record hash binds: refused, no PDF check needed.
    await table()
      .set({ documents: JSON.stringify([{ document_id: 'x', version: 9, sha256: 'ab'.repeat(32) }]) })
      .execute();
    expect(await verify(row.signature_number)).toMatchObject({
      valid: false,
      reason_code: 'hash_mismatch',
      hash_valid: false,
      reason_he: 'רשומת החתימה שונתה (אי התאמה ב-Hash)',
    });
  });

  it('stored bytes altered on disk are reported at the re-check even after a cached valid answer', async () => {
    const row = await signedOnce('Disk tamper');
    const sha256 = producedSha(row);
    const stored = await documents.readStored(t.app.signx, sha256);
    expect((await verify(row.signature_number)).valid).toBe(true);
    const storage = t.app.signx.config.storage;
    if (storage.backend !== 'local') throw new Error('this test alters a file of the local storage');
    const file = join(storage.path, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const tampered = Buffer.from(stored);
    const at = tampered.length - 10;
    tampered[at] = (tampered[at] ?? 0) ^ 1;
    unlinkSync(file);
    writeFileSync(file, tampered);
    await expect(documents.readStored(t.app.signx, sha256)).rejects.toThrow();
    clock.advance(signingDeps(t.app.signx).verifiedVersions.recheckMs + 1);
    const after = await verify(row.signature_number, 'zh');
    expect(after).toMatchObject({ valid: false, reason_code: 'document_invalid', document_valid: false });
    expect(after.reason_he).toBe('המסמך החתום אינו עובר אימות (שונה, חסר או שחתימת ה-PDF שלו פגומה)');
    // A failed read is not kept: still invalid on the next read, valid again once restored.
    expect((await verify(row.signature_number)).valid).toBe(false);
    writeFileSync(file, stored);
    expect((await verify(row.signature_number)).valid).toBe(true);
  });

  it('a version whose PDF signature does not verify is reported, with a cold cache', async () => {
    const row = await signedOnce('Bad PDF signature');
    // A stored object that hashes to its key but is not the signed PDF: the record is pointed
    // at it consistently (document hash and record hash recomputed), as an insider would.
    const { recordHash } = await import('./record-hash.js');
    const other = await t.app.signx.storage.put(Buffer.from('%PDF-1.7\n%%EOF\n'));
    const base = { ...row, document_hash: other.key };
    await t.database.db
      .updateTable('digital_signatures')
      .where('id', '=', row.id)
      .set({
        document_hash: other.key,
        signature_hash: recordHash(base),
        documents: JSON.stringify([{ document_id: 'x', version: 2, sha256: other.key }]),
      })
      .execute();
    expect(await verify(row.signature_number)).toMatchObject({
      valid: false,
      hash_valid: true,
      reason_code: 'document_invalid',
    });
  });
});
