import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecordsTestApp,
  createSigner,
  policyBody,
  type RecordsTestApp,
  signBody,
} from '../../../test/records-kit.js';
import { recordsErrors } from './records.errors.js';

// §11.300(d) (urgent reporting) and seed 002 §10.2.1 (delayed answers against brute force).
let t: RecordsTestApp;
const db = () => t.app.signx.db;

beforeAll(async () => {
  t = await createRecordsTestApp();
  await t.post('/signature/policies', t.adminToken, policyBody);
});
afterAll(() => t.close());

describe('brute force on the ceremony (seed 002 §10.2.1, §11.300(d))', () => {
  it('20 wrong PINs in a minute: growing delays, an urgent alert to the security contacts, the account locked', async () => {
    const pete = await createSigner(t, 'pete', '739164');
    const opened = await t.post('/signature/create', pete.token, {
      ...signBody(pete, { resourceId: 'P-0' }),
      credentials: { password: 'Correct-Horse-7-Battery', pin: pete.pin },
    });
    const { sessionId } = opened.json().data;
    t.delays.length = 0;
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) {
      t.clock.advance(3_000);
      const wrong = await t.post('/signature/create', pete.token, {
        ...signBody(pete, { resourceId: `P-${i + 1}` }),
        sessionId,
        credentials: { pin: '111000' },
      });
      codes.push(wrong.json().code);
    }
    expect(new Set(codes)).toEqual(new Set([recordsErrors.CEREMONY_FAILED.api]));
    expect(t.delays).toHaveLength(20);
    expect(t.delays[1]).toBeGreaterThan(t.delays[0] as number);
    expect(t.delays[3]).toBeGreaterThan(t.delays[2] as number);
    const alerts = await db()
      .selectFrom('notification_messages')
      .selectAll()
      .where('template_code', '=', 'records.ceremony-alert')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.priority).toBe('urgent');
    const user = await db()
      .selectFrom('users')
      .select('locked_until')
      .where('id', '=', pete.id)
      .executeTakeFirstOrThrow();
    expect(user.locked_until).not.toBeNull();
    const right = await t.post('/signature/create', pete.token, {
      ...signBody(pete, { resourceId: 'P-21' }),
      sessionId,
      credentials: { pin: pete.pin },
    });
    expect(right.statusCode).toBe(401);
    const log = await db()
      .selectFrom('records_auth_log')
      .selectAll()
      .where('user_id', '=', pete.id)
      .where('authentication_result', '=', 'failure')
      .execute();
    expect(log.length).toBe(21);
    expect(log.at(-1)?.failure_reason).toBe('locked_out');
  });
});
