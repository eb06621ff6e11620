import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  type Signer,
  signBody,
} from '../../../test/records-kit.js';
import { testDialect } from '../../../test/test-database.js';
import { recentSuccessesQuery } from './ceremony.repository.js';

// A batch of records signed under one ceremony (a signing session): the audit trail holds one
// authentication event (`records.session.opened`) and one `records.signature.created` per
// record, in order, each provable by verify; the authentication log one row per signature.
let t: RecordsTestApp;
const db = () => t.app.signx.db;
const password = 'Correct-Horse-7-Battery';

beforeAll(async () => {
  t = await createRecordsTestApp();
  const created = await t.post('/signature/policies', t.adminToken, policyBody);
  if (created.statusCode !== 201) throw new Error(created.body);
});
afterAll(() => t.close());

/** The signer's ceremony events in chain order: [action, entity id, seq]. */
async function ceremonyEvents(signer: Signer) {
  const rows = await db()
    .selectFrom('audit_events')
    .select(['action', 'entity_id', 'seq'])
    .where('chain', '=', 'main')
    .where('actor_id', '=', signer.id)
    .where('action', 'in', ['records.session.opened', 'records.signature.created', 'records.ceremony.failed'])
    .orderBy('seq')
    .execute();
  return rows.map((r) => [r.action, r.entity_id, Number(r.seq)] as const);
}

async function signBatch(signer: Signer, ids: string[], first: object) {
  const made: { id: string; sessionId: string }[] = [];
  let sessionId: string | undefined;
  for (const [i, resourceId] of ids.entries()) {
    const body = {
      ...signBody(signer, { resourceId }),
      ...(i === 0 ? first : { sessionId, credentials: { pin: signer.pin } }),
    };
    const res = await t.post('/signature/create', signer.token, body);
    expect(res.statusCode, res.body).toBe(201);
    sessionId = res.json().data.sessionId;
    made.push({ id: res.json().data.signature.signature_id, sessionId: sessionId as string });
  }
  return made;
}

async function expectVerified(ids: string[], token: string) {
  for (const id of ids) {
    const res = await t.post('/signature/verify', token, { signatureId: id });
    expect(res.json().data, id).toMatchObject({ valid: true, problems: [], audit_events_verified: 1 });
  }
}

describe('a batch signed in one ceremony', () => {
  it('full ceremony then PINs: one session event, one signature event per record, in order', async () => {
    const bella = await createSigner(t, 'bella');
    const made = await signBatch(bella, ['L-1', 'L-2', 'L-3', 'L-4'], {
      credentials: { password, totp: t.totp(bella) },
    });
    const sessionId = made[0]?.sessionId as string;
    expect(new Set(made.map((m) => m.sessionId))).toEqual(new Set([sessionId]));
    const events = await ceremonyEvents(bella);
    expect(events.map(([action, entity]) => [action, entity])).toEqual([
      ['records.session.opened', sessionId],
      ...made.map((m) => ['records.signature.created', m.id]),
    ]);
    // The session's opening and the first signature are one append: consecutive in the chain.
    expect((events[1]?.[2] as number) - (events[0]?.[2] as number)).toBe(1);
    const log = await db()
      .selectFrom('records_auth_log')
      .select(['authentication_method', 'signature_id'])
      .where('user_id', '=', bella.id)
      .orderBy('attempt_time')
      .execute();
    expect(log).toEqual([
      { authentication_method: 'full:password+totp', signature_id: made[0]?.id },
      ...made.slice(1).map((m) => ({ authentication_method: 'pin', signature_id: m.id })),
    ]);
    await expectVerified(
      made.map((m) => m.id),
      bella.token,
    );
    const checkpoint = await t.post('/audit/checkpoints', t.adminToken, {});
    expect(checkpoint.statusCode, checkpoint.body).toBeLessThan(300);
    await expectVerified(
      made.map((m) => m.id),
      bella.token,
    );
  });

  it('authenticate first: its session event, then one signature event per record and no other', async () => {
    const carl = await createSigner(t, 'carl');
    const auth = await t.post('/authentication/authenticate', carl.token, {
      userId: carl.id,
      credentials: { password, totp: t.totp(carl) },
      resourceType: 'batch_record',
      operationType: 'release',
    });
    expect(auth.statusCode, auth.body).toBe(200);
    const { sessionId } = auth.json().data;
    const made = await signBatch(carl, ['M-1', 'M-2', 'M-3'], { sessionId });
    expect(made.every((m) => m.sessionId === sessionId)).toBe(true);
    expect((await ceremonyEvents(carl)).map(([action, entity]) => [action, entity])).toEqual([
      ['records.session.opened', sessionId],
      ...made.map((m) => ['records.signature.created', m.id]),
    ]);
    await expectVerified(
      made.map((m) => m.id),
      carl.token,
    );
  });

  it("reads a signer's recent successes (behaviour analysis) from the covering partial index only", async () => {
    const compiled = recentSuccessesQuery(db(), 'someone', 200).compile();
    if (testDialect === 'sqlite') {
      const plan = await db().executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      expect(plan.rows.map((r) => r.detail)).toContain(
        'SEARCH records_auth_log USING COVERING INDEX records_auth_log_success_idx (user_id=?)',
      );
    } else {
      const { rows } = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where indexname = 'records_auth_log_success_idx'`.execute(db());
      expect(rows[0]?.indexdef).toMatch(/\(user_id, attempt_time, ip_address\) WHERE/);
    }
  });
});
