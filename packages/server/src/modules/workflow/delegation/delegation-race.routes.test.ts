import { describe, expect, it } from 'vitest';
import { as, call, user, useWorkflowApp } from '../../../../test/workflow-kit.js';
import { delegationErrors } from './delegation.errors.js';

// Concurrent rule creations for one person: on PostgreSQL the requests overlap for real and
// only the owner row lock (delegation.repository.ts lockOwner) makes the overlap check see
// the other rule; on SQLite the transactions queue.
const t = useWorkflowApp();

const day = 86_400_000;
const iso = (offsetMs: number) => new Date(t.app.signx.clock.now().getTime() + offsetMs).toISOString();
const post = (who: number, body: object) => call(t, 'POST', '/approval-delegations', as(user(who)), body);
const liveRules = (who: number) =>
  t.database.db
    .selectFrom('workflow_delegations')
    .select(['id', 'delegate_id'])
    .where('user_id', '=', user(who))
    .where('revoked_at', 'is', null)
    .execute();

describe('delegation rules under concurrency', () => {
  it('overlapping rules created at the same moment: exactly one is stored, the others get 409', async () => {
    for (let round = 0; round < 4; round += 1) {
      const who = 20 + round;
      const answers = await Promise.all(
        [30, 31, 32, 33].map((delegate, i) =>
          post(who, {
            delegate_id: user(delegate),
            starts_at: iso(i * 1000),
            ends_at: iso(2 * day + i * 1000),
          }),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses, answers.map((a) => a.body).join('\n')).toEqual([201, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.statusCode === 409))
        expect(refused.json().code).toBe(delegationErrors.DELEGATION_OVERLAPS.api);
      const stored = await liveRules(who);
      expect(stored).toHaveLength(1);
      const winner = answers.find((a) => a.statusCode === 201)?.json().data;
      expect(stored[0]).toEqual({ id: winner.id, delegate_id: winner.delegate_id });
    }
  });

  it('rules of one person that do not overlap, created at the same moment, are all stored', async () => {
    const who = 40;
    const answers = await Promise.all(
      [0, 1, 2].map((i) =>
        post(who, {
          delegate_id: user(41),
          starts_at: iso((2 * i + 1) * day),
          ends_at: iso((2 * i + 2) * day),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(await liveRules(who)).toHaveLength(3);
  });

  it('rules of different people at the same moment do not wait on each other’s refusal', async () => {
    const answers = await Promise.all(
      [50, 51, 52].map((who) => post(who, { delegate_id: user(53), starts_at: iso(0), ends_at: iso(day) })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
  });
});
