import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditRows,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
} from '../../../../test/identity-fixtures.js';
import { identityModule } from '../identity.module.js';
import { dormantAccountsJob } from './credentials.jobs.js';

// 21 CFR §11.300(b): the dormant-account sweep runs as a scheduled job of the one job runtime.
let t: IdentityTestApp;
const statuses = async () =>
  Object.fromEntries(
    (await t.app.signx.db.selectFrom('users').select(['username', 'status']).execute()).map((u) => [
      u.username,
      u.status,
    ]),
  );

beforeAll(async () => {
  t = await createIdentityTestApp({ DORMANT_ACCOUNT_DAYS: '30' });
});
afterAll(() => t.close());

describe('the dormant-account job', () => {
  it('is declared as a daily schedule of the identity module', () => {
    expect(identityModule.schedules?.map((s) => [s.name, s.cron, s.job.name])).toEqual([
      ['identity-dormant-accounts', '30 2 * * *', 'identity.dormant-accounts'],
    ]);
  });

  it('run through the job runtime, disables dormant accounts but not the last active super administrator', async () => {
    await createAdmin(t.app, 'root');
    await createAdmin(t.app, 'root2');
    await createUserWith(t.app, { username: 'old' });
    t.clock.advance(29 * 86_400_000);
    await t.app.signx.jobs.enqueue(t.app.signx.db, dormantAccountsJob, {});
    await t.app.signx.jobs.drain();
    expect(await statuses()).toEqual({ root: 'active', root2: 'active', old: 'active' });
    t.clock.advance(2 * 86_400_000);
    await createUserWith(t.app, { username: 'new' });
    await t.app.signx.jobs.enqueue(t.app.signx.db, dormantAccountsJob, {});
    await t.app.signx.jobs.drain();
    expect(await statuses()).toEqual({ root: 'disabled', root2: 'active', old: 'disabled', new: 'active' });
    const events = await auditRows(t.app, 'identity.user.disabled');
    expect(events.map((e) => [e.actor_name, e.reason])).toEqual([
      ['system:identity.dormant-accounts', 'dormant: no sign-in for 30 days'],
      ['system:identity.dormant-accounts', 'dormant: no sign-in for 30 days'],
    ]);
  });
});
