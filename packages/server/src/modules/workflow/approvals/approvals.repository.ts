import type { Page, PageRequest } from '../../../platform/db/pagination.js';
import { paginate } from '../../../platform/db/pagination.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import type { InstanceRow } from '../engine/instances.repository.js';
import type { InstanceStatus } from '../workflow.tables.js';

/** The approval lists (seed 001 §2.5: to-do, done, initiated, CC) and the participant check. */
export type Box = 'todo' | 'done' | 'initiated' | 'cc' | 'all';

const openKinds = ['approval', 'handler', 'signature'] as const;

export async function isParticipant(db: DbOrTrx, instanceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('workflow_tasks')
    .select('id')
    .where('instance_id', '=', instanceId)
    .where((eb) => eb.or([eb('assignee_id', '=', userId), eb('decided_by', '=', userId)]))
    .executeTakeFirst();
  return row !== undefined;
}

function boxQuery(db: DbOrTrx, box: Box, userId: string) {
  const query = db.selectFrom('workflow_instances').selectAll();
  const tasks = (build: (q: ReturnType<typeof taskIds>) => ReturnType<typeof taskIds>) =>
    query.where('id', 'in', build(taskIds(db, userId)));
  switch (box) {
    case 'todo':
      return tasks((q) => q.where('status', '=', 'pending').where('kind', 'in', [...openKinds])).where(
        'status',
        '=',
        'running',
      );
    case 'done':
      return tasks((q) =>
        q.where('status', 'in', ['approved', 'rejected', 'transferred']).where('kind', '!=', 'cc'),
      );
    case 'cc':
      return tasks((q) => q.where('kind', '=', 'cc'));
    case 'initiated':
      return query.where('applicant_id', '=', userId);
    default:
      return query;
  }
}

function taskIds(db: DbOrTrx, userId: string) {
  return db.selectFrom('workflow_tasks').select('instance_id').where('assignee_id', '=', userId);
}

export async function approvalPage(
  db: DbOrTrx,
  box: Box,
  userId: string,
  filter: { status?: InstanceStatus },
  page: PageRequest,
): Promise<Page<InstanceRow>> {
  let query = boxQuery(db, box, userId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return paginate(query, page, { created_at: 'created_at', updated_at: 'updated_at' });
}

/** How many approvals each box holds for the user (CC: unread ones). */
export async function boxCounts(db: DbOrTrx, userId: string) {
  const count = async (query: ReturnType<typeof boxQuery>) =>
    Number(
      (
        await query
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const unread = db
    .selectFrom('workflow_instances')
    .selectAll()
    .where('id', 'in', taskIds(db, userId).where('kind', '=', 'cc').where('status', '=', 'unread'));
  return {
    todo: await count(boxQuery(db, 'todo', userId)),
    done: await count(boxQuery(db, 'done', userId)),
    initiated: await count(boxQuery(db, 'initiated', userId)),
    cc: await count(boxQuery(db, 'cc', userId)),
    cc_unread: await count(unread),
  };
}
