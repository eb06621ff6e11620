import { describe, expect, it } from 'vitest';
import { api, useInPersonHost } from '../../../../test/signing-instances-kit.js';
import { insertSession, lockingSession } from './in-person.repository.js';
import { instancesErrors } from './instances.errors.js';

/**
 * The attack: two in-person starts from the same login session at once (two tabs, a double
 * click, two nodes). Both pass the lock hook and the service's check before either commits
 * (PostgreSQL read committed); only the database can refuse the second. One session may lock a
 * login session, so exactly one start succeeds and one session row exists.
 */
const { t, host, proof } = useInPersonHost('kiosk-host');
const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function sentRequest(entityId: string) {
  const created = await call('POST', `${api}/requests`, host, {
    entity_type: 'repair',
    entity_id: entityId,
    title: `Kiosk race ${entityId}`,
    signers: [
      { signer_name: 'Walk-in A', signer_phone: '+972 50-111-2233', signing_order: 1 },
      { signer_name: 'Walk-in B', signer_phone: '+972 50-111-4455', signing_order: 1 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const request = created.json().data;
  expect((await call('POST', `${api}/requests/${request.id}/send`, host)).statusCode).toBe(200);
  return request as { id: string; signers: { id: string }[] };
}

const sessions = () =>
  t.app.signx.db
    .selectFrom('digital_signature_in_person_sessions')
    .select(['id', 'signer_id', 'locking_session_id', 'unlocked_at'])
    .execute();

describe('one in-person lock per login session, held by the database', () => {
  it('two parallel starts from one login session: one 201, one 409 HOST_LOCKED, one session stored', async () => {
    const request = await sentRequest('RACE-1');
    const [a, b] = await Promise.all(
      request.signers.map((s) =>
        call('POST', `${api}/requests/${request.id}/signers/${s.id}/in-person`, host, { notify: 'none' }),
      ),
    );
    const answers = [a, b].map((r) => ({ status: r?.statusCode, code: r?.json().code }));
    answers.sort((x, y) => Number(x.status) - Number(y.status));
    expect(answers).toEqual([
      { status: 201, code: 0 },
      { status: 409, code: instancesErrors.HOST_LOCKED.api },
    ]);
    const stored = await sessions();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.locking_session_id).toBeTruthy();
  });

  it('the database refuses a second locking row for a login session; unlocking frees it', async () => {
    const [held] = await sessions();
    if (!held?.locking_session_id) throw new Error('the first test left no locking session');
    const copy = {
      ...(await t.app.signx.db
        .selectFrom('digital_signature_in_person_sessions')
        .selectAll()
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow()),
      id: `${held.id.slice(0, -4)}beef`,
      kiosk_token_hash: 'f'.repeat(64),
    };
    // straight to the table, around the service's check: the UNIQUE index answers
    const refused = await t.app.signx.db.transaction().execute((trx) => insertSession(trx, copy));
    expect(refused).toBe(false);
    expect(await sessions()).toHaveLength(1);

    const unlocked = await call('POST', `${api}/in-person/${held.id}/unlock`, {
      ...host,
      'x-step-up-proof': await proof(),
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(await lockingSession(t.app.signx.db, held.locking_session_id)).toBeUndefined();
    const [after] = await sessions();
    expect(after?.locking_session_id).toBeNull();
    expect(after?.unlocked_at).toBeTruthy();

    // free again: a new start from the same login session succeeds
    const request = await sentRequest('RACE-2');
    const next = await call(
      'POST',
      `${api}/requests/${request.id}/signers/${request.signers[0]?.id}/in-person`,
      host,
      { notify: 'none' },
    );
    expect(next.statusCode, next.body).toBe(201);
  });
});
