import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { userActor } from '../../../test/test-principal.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { auditModule } from '../audit/index.js';
import { can } from './example.catalogue.js';
import { type ExampleDeps, exampleDeps } from './example.deps.js';
import { exampleErrors } from './example.errors.js';
import { up } from './example.migration.js';
import { exampleModule } from './index.js';
import { changeWidgetState, createWidget, getWidget, listWidgets } from './widgets.service.js';

// Runs on SQLite (npm test) and on PostgreSQL (npm run test:services).
const ownerId = '019a0000-0000-7000-8000-0000000000a1';
const reviewerId = '019a0000-0000-7000-8000-0000000000b2';
const owner = userActor(ownerId, [can['example.widget.read'], can['example.widget.create']]);
const reviewer = userActor(reviewerId, [can['example.widget.read'], can['example.widget.review']]);
const page = { page: 1, page_size: 20, sort: '-created_at' };

let t: ModuleTestContext;
let deps: ExampleDeps;
const db = () => t.database.db;
const widgetRows = () => db().selectFrom('example_widgets').selectAll().execute();
const auditRows = () =>
  db()
    .selectFrom('audit_events')
    .select(['action', 'actor_type', 'actor_id', 'entity_type', 'entity_id', 'details', 'changes'])
    .where('action', 'like', 'example.%')
    .orderBy('seq')
    .execute();
const create = (name: string, actor = owner) =>
  inTransaction(db(), (trx) => createWidget(trx, deps, actor, { name, description: 'for the test' }));
const send = (
  id: string,
  event: 'submit' | 'withdraw' | 'approve' | 'reject',
  actor = owner,
  note?: string,
) => inTransaction(db(), (trx) => changeWidgetState(trx, deps, actor, { id, event, note }));

beforeEach(async () => {
  t = await createModuleTestContext([auditModule, exampleModule], { migrate: up });
  deps = exampleDeps(t.ctx);
});
afterEach(async () => {
  await t.close();
});

describe('widgets service', () => {
  it('creates a draft and records its audit event in the same transaction', async () => {
    const row = await create('Quarterly report');
    expect(row).toMatchObject({ state: 'draft', owner_id: ownerId, name: 'Quarterly report' });
    expect(await widgetRows()).toEqual([row]);
    const [event] = await auditRows();
    expect(event).toMatchObject({
      action: 'example.widget.created',
      actor_type: 'user',
      actor_id: ownerId,
      entity_type: 'widget',
      entity_id: row.id,
    });
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ name: 'Quarterly report' });
  });

  it('refuses a second widget of the same name, and creators without the permission, storing nothing', async () => {
    await create('Twice');
    await expect(create('Twice')).rejects.toMatchObject({
      code: 'CONFLICT',
      apiCode: exampleErrors.WIDGET_NAME_TAKEN.api,
    });
    await expect(create('Other', reviewer)).rejects.toMatchObject({ code: 'FORBIDDEN', apiCode: 40301 });
    expect((await widgetRows()).map((w) => w.name)).toEqual(['Twice']);
    expect((await auditRows()).map((e) => e.action)).toEqual(['example.widget.created']);
  });

  it('goes through review, enqueues the owner notification with the approval, and the job runs once', async () => {
    const { id } = await create('Contract draft');
    await send(id, 'submit');
    const approved = await send(id, 'approve', reviewer, 'looks right');
    expect(approved).toMatchObject({
      state: 'approved',
      reviewer_id: reviewerId,
      decision_note: 'looks right',
    });
    const jobs = await db().selectFrom('jobs').select(['name', 'payload', 'state']).execute();
    expect(jobs).toEqual([
      { name: 'example.widget.notify-owner', payload: JSON.stringify({ widget_id: id }), state: 'queued' },
    ]);

    await t.ctx.jobs.drain();
    const [stored] = await widgetRows();
    expect(stored?.owner_notified_at).not.toBeNull();
    const events = await auditRows();
    expect(events.map((e) => [e.action, e.actor_type])).toEqual([
      ['example.widget.created', 'user'],
      ['example.widget.submitted', 'user'],
      ['example.widget.approved', 'user'],
      ['example.widget.owner_notified', 'system'],
    ]);
    expect(JSON.parse(events[2]?.changes ?? '{}')).toEqual({
      state: { before: 'submitted', after: 'approved' },
    });
  });

  it('refuses a transition the state machine does not list, with 40902 and nothing changed', async () => {
    const { id } = await create('Not yet');
    const refused = await send(id, 'approve', reviewer).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      apiCode: 40902,
      details: { entity: 'widget', state: 'draft', event: 'approve', allowed: ['submit'] },
    });
    expect((await widgetRows())[0]?.state).toBe('draft');
    expect(await db().selectFrom('jobs').selectAll().execute()).toEqual([]);
    expect((await auditRows()).map((e) => e.action)).toEqual(['example.widget.created']);
  });

  it('applies the four-eyes rule and owner-only submission', async () => {
    const both = userActor(ownerId, [can['example.widget.create'], can['example.widget.review']]);
    const { id } = await create('Mine', both);
    await expect(send(id, 'submit', reviewer)).rejects.toMatchObject({ code: 'FORBIDDEN', apiCode: 40301 });
    await send(id, 'submit', both);
    await expect(send(id, 'approve', both)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      apiCode: exampleErrors.WIDGET_SELF_REVIEW.api,
    });
    expect((await widgetRows())[0]?.state).toBe('submitted');
  });

  it('shows owners their own widgets, reviewers all, and others nothing', async () => {
    const other = userActor('019a0000-0000-7000-8000-0000000000c3', [
      can['example.widget.read'],
      can['example.widget.create'],
    ]);
    const mine = await create('Mine');
    await create('Theirs', other);
    expect((await listWidgets(db(), owner, page)).items.map((w) => w.name)).toEqual(['Mine']);
    expect((await listWidgets(db(), reviewer, page)).total).toBe(2);
    expect((await listWidgets(db(), userActor(ownerId, []), page)).total).toBe(0);
    await expect(getWidget(db(), other, mine.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getWidget(db(), reviewer, mine.id)).name).toBe('Mine');
  });

  it('rolls the change back when its audit event is refused (type not declared by a mounted module)', async () => {
    const bare = await createModuleTestContext([auditModule, { ...exampleModule, auditEvents: undefined }], {
      migrate: up,
    });
    try {
      const bareDeps = exampleDeps(bare.ctx);
      expect(bareDeps).not.toBe(deps);
      await expect(
        inTransaction(bare.database.db, (trx) => createWidget(trx, bareDeps, owner, { name: 'Lost' })),
      ).rejects.toThrow(/example\.widget\.created is not declared/);
      expect(await bare.database.db.selectFrom('example_widgets').selectAll().execute()).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
