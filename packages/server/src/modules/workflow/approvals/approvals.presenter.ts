import type { Actor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import type { FlowNode } from '../definitions/definition-model.js';
import type { InstanceRow, RecordRow, TaskRow } from '../engine/instances.repository.js';
import type { ApprovalDetail, ApprovalSummary } from './approvals.schemas.js';

export function presentSummary(row: InstanceRow): ApprovalSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    definition_id: row.definition_id,
    applicant_id: row.applicant_id,
    business_type: row.business_type,
    business_id: row.business_id,
    created_at: row.created_at,
    updated_at: row.updated_at,
    finished_at: row.finished_at,
  };
}

/**
 * The detail with its timeline. Form fields that every node the viewer works at marks
 * hidden are left out (the initiator and administrators see the whole form).
 */
export function presentDetail(
  input: { instance: InstanceRow; tasks: TaskRow[]; records: RecordRow[]; nodes: Map<string, FlowNode> },
  actor: Actor,
  seesWholeForm: boolean,
): Omit<ApprovalDetail, 'definition' | 'people'> {
  const { instance, tasks, records } = input;
  const form = decodeJson<Record<string, unknown>>(instance.form_data) ?? {};
  const mine = tasks.filter((t) => t.assignee_id === actor.userId);
  if (!seesWholeForm && mine.length > 0)
    for (const key of Object.keys(form)) {
      const hiddenEverywhere = mine.every(
        (t) => input.nodes.get(t.node_id)?.field_permissions?.[key] === 'hidden',
      );
      if (hiddenEverywhere) delete form[key];
    }
  return {
    ...presentSummary(instance),
    form_data: form,
    current_nodes: [...new Set(tasks.filter((t) => t.status === 'pending').map((t) => t.node_id))],
    my_task_ids: mine.filter((t) => t.status === 'pending').map((t) => t.id),
    tasks: tasks.map((t) => ({
      id: t.id,
      node_id: t.node_id,
      kind: t.kind,
      assignee_id: t.assignee_id,
      on_behalf_of: t.on_behalf_of ?? null,
      status: t.status,
      comment: t.comment,
      decided_at: t.decided_at,
    })),
    timeline: records.map((r) => ({
      id: r.id,
      node_id: r.node_id,
      task_id: r.task_id,
      actor_id: r.actor_id,
      action: r.action,
      comment: r.comment,
      details: decodeJson(r.details) ?? {},
      created_at: r.created_at,
    })),
  };
}
