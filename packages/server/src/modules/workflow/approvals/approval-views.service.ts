import type { Actor } from '../../../platform/actor.js';
import type { Page, PageRequest } from '../../../platform/db/pagination.js';
import type { DbOrTrx } from '../../../platform/db/schema.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { usersByIds } from '../../identity/index.js';
import type { NodePlace } from '../definitions/definition-index.js';
import type { FlowNode } from '../definitions/definition-model.js';
import { publishedDefinitions } from '../definitions/definitions.repository.js';
import { runVersion } from '../engine/compiled-definitions.js';
import * as repo from '../engine/instances.repository.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import type { InstanceStatus } from '../workflow.tables.js';
import { bodyOf, presentFlow, startPermissions, viewerPermissions } from './approval-forms.js';
import { assertVisible, seesAll } from './approvals.policy.js';
import { presentDetail } from './approvals.presenter.js';
import { approvalPage, type Box, boxCounts } from './approvals.repository.js';

/** Read side of approvals: the boxes, their counts, the detail with its timeline. */
export function listApprovals(
  db: DbOrTrx,
  actor: Actor,
  query: PageRequest & { box?: Box; status?: InstanceStatus },
): Promise<Page<repo.InstanceRow>> {
  const box = query.box ?? 'todo';
  if (box === 'all' && !seesAll(actor))
    throw forbidden('Listing every approval needs workflow.approval.admin');
  return approvalPage(db, box, actor.userId ?? '', { status: query.status }, query);
}

export function approvalCounts(db: DbOrTrx, actor: Actor) {
  return boxCounts(db, actor.userId ?? '');
}

/**
 * The detail as the actor may see it. `checked`: the caller already found the actor allowed
 * to see this approval in the same transaction (an action's step did), so it is not asked again.
 */
export async function approvalDetail(
  db: DbOrTrx,
  deps: Pick<WorkflowDeps, 'definitions'>,
  actor: Actor,
  id: string,
  checked = false,
) {
  const instance = await repo.findInstance(db, id);
  if (!instance) throw notFound('Approval');
  if (!checked) await assertVisible(db, actor, instance);
  const definition = await runVersion(db, deps, instance.definition_id);
  const places = definition?.index.places ?? new Map<string, NodePlace>();
  const nodes = new Map<string, FlowNode>([...places].map(([nodeId, place]) => [nodeId, place.node]));
  const detail = {
    instance,
    tasks: await repo.tasksOf(db, id),
    records: await repo.recordsOf(db, id),
    nodes,
  };
  const isInitiator = instance.applicant_id === actor.userId;
  const seesWholeForm = seesAll(actor) || isInitiator;
  const mine = detail.tasks.filter((task) => task.assignee_id === actor.userId);
  const permissions = viewerPermissions(instance, mine, nodes, seesWholeForm, isInitiator);
  const mentioned = [
    instance.applicant_id,
    ...detail.tasks.map((task) => task.assignee_id),
    ...detail.records.flatMap((record) => (record.actor_id ? [record.actor_id] : [])),
  ];
  const people = Object.fromEntries(
    [...(await usersByIds(db, [...new Set(mentioned)])).values()].map((u) => [
      u.id,
      u.full_name || u.username,
    ]),
  );
  return {
    ...presentDetail(detail, actor, seesWholeForm),
    definition: presentFlow(definition?.row, permissions, definition?.body),
    people,
  };
}

/** The published definitions a user may start, each with its start form. */
export async function startableDefinitions(db: DbOrTrx) {
  const rows = await publishedDefinitions(db);
  return rows.map((row) => presentFlow(row, startPermissions(bodyOf(row))));
}
