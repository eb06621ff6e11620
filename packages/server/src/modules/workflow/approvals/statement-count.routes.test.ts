import { describe, expect, it } from 'vitest';
import { testDialect } from '../../../../test/test-database.js';
import {
  approval,
  as,
  call,
  end,
  initiator,
  publish,
  start,
  user,
  useWorkflowApp,
} from '../../../../test/workflow-kit.js';

/**
 * SQL statements per start and per approval action (docs/workflow.md "Speed"): every query
 * the app's Kysely executors run is counted while one request is served (BEGIN and COMMIT are
 * the driver's and not counted). The figures are recorded, and capped so that a change that
 * adds statements to these paths is noticed; lower them when a cut lands.
 */
let counted = 0;
let counting = false;
const t = useWorkflowApp(async (t) => {
  await publish(t, 'one-step', [start, approval('a1', [2]), end]);
  // Every executor (the root one and each transaction's copy) shares this prototype method.
  let proto = Object.getPrototypeOf(t.database.db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function countedExecuteQuery(...args: unknown[]) {
    if (counting) counted += 1;

    return original.apply(this, args);
  };
});

async function statementsOf(send: () => Promise<{ statusCode: number; body: string }>) {
  counted = 0;
  counting = true;
  const response = await send();
  counting = false;
  expect(response.statusCode, response.body).toBeLessThan(300);
  return { count: counted, response };
}

describe('statements per request', () => {
  it('counts a start and an approval that finishes the approval', async () => {
    const results: { start: number; approve: number }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = await statementsOf(() =>
        call(t, 'POST', '/approvals', as(initiator), {
          definition_key: 'one-step',
          title: `Count ${i}`,
          form_data: { amount: 1 },
        }),
      );
      const id = JSON.parse(started.response.body).data.id as string;
      const approved = await statementsOf(() => call(t, 'POST', `/approvals/${id}/approve`, as(user(2)), {}));
      expect(JSON.parse(approved.response.body).data.status).toBe('approved');
      results.push({ start: started.count, approve: approved.count });
    }
    console.log(`workflow statements per request (steady state): ${JSON.stringify(results.at(-1))}`);
    const steady = results.at(-1) as { start: number; approve: number };
    expect(steady.start).toBeGreaterThan(0);
    expect(steady.start).toBeLessThanOrEqual(STATEMENT_CAP.start);
    expect(steady.approve).toBeLessThanOrEqual(STATEMENT_CAP.approve);
  });
});

// Measured 26 and 38 before the per-transaction version memo (definitions.repository.ts runVersion),
// then 25 and 37; the webhooks merge added 2 per event (webhook_events row + fan-out job): 31 and
// 45; the detail answered after an action no longer re-checks visibility the step checked: 44;
// the webhook dispatcher (one outbox row per event, one dispatch job per transaction): 29 and
// 41. PostgreSQL adds one: the NOTIFY that wakes other processes' workers (once per transaction).
// Then 25 and 36: a step's approval events go out in one outbox insert (3 → 1 on a start, 5 → 1 on
// a finishing approve), a token created in the step has no earlier round to retire and is not
// moved to the node it was inserted at, the visibility check shares the step's task list, and an
// instance's live tokens are closed by one guarded UPDATE instead of a read and a write.
// Then 24 and 32: a step's workflow audit events are written in one append when the step ends
// (one head lock, one insert, one head move: 2 events on a finishing approve, 6 → 3 statements),
// and a notification reads its template and current version in one statement (−1 on each).
// Then 24 and 31: an action no longer reads its run's definition version, which the app context
// keeps parsed once it is published (engine/compiled-definitions.ts, per WorkflowDeps).
const STATEMENT_CAP = testDialect === 'postgres' ? { start: 25, approve: 32 } : { start: 24, approve: 31 };
