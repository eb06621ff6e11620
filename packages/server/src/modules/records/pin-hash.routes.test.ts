import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testPassword } from '../../../test/identity-fixtures.js';
import {
  api,
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  signBody,
} from '../../../test/records-kit.js';
import { newId } from '../../platform/db/ids.js';
import { identityDeps } from '../identity/identity.deps.js';
import { recordsErrors } from './records.errors.js';

// Signature PINs stored as keyed hashes (identity/passwords/pin-hasher.ts), through the API:
// argon2id PIN hashes of before keep working, become keyed on their next right use, and
// still count in the PIN history.
let t: RecordsTestApp;
const db = () => t.app.signx.db;
const settingsOf = (userId: string) =>
  db()
    .selectFrom('records_user_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
const argon2 = (pin: string) => identityDeps(t.app.signx).hasher.hash(pin);

beforeAll(async () => {
  t = await createRecordsTestApp();
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
});
afterAll(() => t.close());

describe('signature PIN hashes', () => {
  it('a new PIN is stored keyed (HMAC under the keyring key), in the settings and the history', async () => {
    const ann = await createSigner(t, 'ann');
    expect((await settingsOf(ann.id)).pin_hash).toMatch(/^\$signx-pin\$k=k1\$/);
    const history = await db()
      .selectFrom('records_pin_history')
      .selectAll()
      .where('user_id', '=', ann.id)
      .execute();
    expect(history.map((h) => h.pin_hash)).toEqual([(await settingsOf(ann.id)).pin_hash]);
  });

  it('an argon2id PIN hash of before signs, and is replaced by the keyed form; a wrong PIN leaves it', async () => {
    const bob = await createSigner(t, 'bob', '739164');
    const old = await argon2('739164');
    await db()
      .updateTable('records_user_settings')
      .set({ pin_hash: old })
      .where('user_id', '=', bob.id)
      .execute();
    const before = await settingsOf(bob.id);
    const opened = await t.post('/signature/create', bob.token, {
      ...signBody(bob, { resourceId: 'H-1' }),
      credentials: { password: testPassword, totp: t.totp(bob) },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { sessionId } = opened.json().data;
    const wrong = await t.post('/signature/create', bob.token, {
      ...signBody(bob, { resourceId: 'H-2' }),
      sessionId,
      credentials: { pin: '739165' },
    });
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, recordsErrors.CEREMONY_FAILED.api]);
    expect((await settingsOf(bob.id)).pin_hash).toBe(old);
    const right = await t.post('/signature/create', bob.token, {
      ...signBody(bob, { resourceId: 'H-2' }),
      sessionId,
      credentials: { pin: '739164' },
    });
    expect(right.statusCode, right.body).toBe(201);
    const after = await settingsOf(bob.id);
    expect(after.pin_hash).toMatch(/^\$signx-pin\$k=k1\$/);
    // An upgrade, not a PIN change: the expiry clock keeps running from the real change.
    expect(after.last_changed_at).toBe(before.last_changed_at);
    const again = await t.post('/signature/create', bob.token, {
      ...signBody(bob, { resourceId: 'H-3' }),
      sessionId,
      credentials: { pin: '739164' },
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('the PIN history refuses a PIN whose earlier hash is argon2id, and one whose hash is keyed', async () => {
    const cy = await createSigner(t, 'cy', '615283');
    await db()
      .insertInto('records_pin_history')
      .values({
        id: newId(),
        user_id: cy.id,
        pin_hash: await argon2('590317'),
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const before = await settingsOf(cy.id);
    for (const reused of ['590317', '615283']) {
      const refused = await t.app.inject({
        method: 'PUT',
        url: `${api}/signature/settings/pin`,
        headers: bearer(cy.token),
        payload: { password: testPassword, new_pin: reused },
      });
      expect([refused.statusCode, refused.json().errors?.[0]?.field]).toEqual([400, 'new_pin']);
    }
    expect(await settingsOf(cy.id)).toEqual(before);
    const fresh = await t.app.inject({
      method: 'PUT',
      url: `${api}/signature/settings/pin`,
      headers: bearer(cy.token),
      payload: { password: testPassword, new_pin: '804726' },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });
});
