import { decodeJson } from '../../../platform/db/json-codec.js';
import type { DefinitionBody, FieldPermission, FlowNode } from '../definitions/definition-model.js';
import type { DefinitionRow } from '../definitions/definitions.repository.js';
import type { InstanceRow, TaskRow } from '../engine/instances.repository.js';
import type { FlowView } from './approvals.schemas.js';

/**
 * What the approval pages need of a definition version: its form fields, each with the
 * permission the viewer has on it, and the node tree (for the progress graph). The pages
 * read it here because starting and acting need only workflow.approval.use, not the
 * definition permissions.
 */
export function bodyOf(row: DefinitionRow | undefined): DefinitionBody {
  return decodeJson<DefinitionBody>(row?.body) ?? { form: { fields: [] }, process: [] };
}

const rank: Record<FieldPermission, number> = { hidden: 0, read: 1, edit: 2 };

export function presentFlow(
  row: DefinitionRow | undefined,
  permissionOf: (fieldKey: string) => FieldPermission,
  body: DefinitionBody = bodyOf(row),
): FlowView {
  return {
    id: row?.id ?? '',
    key: row?.key ?? '',
    name: row?.name ?? '',
    description: row?.description ?? null,
    version: row?.version ?? 0,
    fields: body.form.fields.map((field) => ({
      key: field.key,
      label: field.label,
      type: field.type,
      required: field.required === true,
      options: field.options ?? [],
      permission: permissionOf(field.key),
    })),
    process: body.process,
  };
}

/** Start form: the start node's permissions; a field it does not mention is editable. */
export function startPermissions(body: DefinitionBody): (fieldKey: string) => FieldPermission {
  const startNode = body.process.find((node) => node.type === 'start');
  return (key) => startNode?.field_permissions?.[key] ?? 'edit';
}

/**
 * The viewer's permission on a field of a running approval: the most open one among the
 * nodes of their pending tasks; with only decided tasks, hidden when every one of those
 * nodes hides it (as the detail's form_data does), else read. The initiator and
 * administrators read everything; the initiator edits a returned approval (resubmit).
 * `edit` is reported as designed; saving edits during approval is not implemented yet.
 */
export function viewerPermissions(
  instance: InstanceRow,
  mine: TaskRow[],
  nodes: Map<string, FlowNode>,
  seesWholeForm: boolean,
  isInitiator: boolean,
): (fieldKey: string) => FieldPermission {
  const of = (task: TaskRow, key: string): FieldPermission =>
    nodes.get(task.node_id)?.field_permissions?.[key] ?? 'read';
  const pending = mine.filter((task) => task.status === 'pending');
  return (key) => {
    if (isInitiator && instance.status === 'returned') return 'edit';
    let permission: FieldPermission = 'read';
    if (pending.length > 0)
      permission = pending.map((task) => of(task, key)).reduce((a, b) => (rank[b] > rank[a] ? b : a));
    else if (mine.length > 0 && mine.every((task) => of(task, key) === 'hidden')) permission = 'hidden';
    return permission === 'hidden' && seesWholeForm ? 'read' : permission;
  };
}
