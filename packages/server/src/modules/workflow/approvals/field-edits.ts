import { encodeJson } from '../../../platform/db/json-codec.js';
import { domainError, type FieldError } from '../../../platform/errors.js';
import type { FlowNode } from '../definitions/definition-model.js';
import { auditStep, type EngineRun } from '../engine/engine-run.js';
import * as repo from '../engine/instances.repository.js';
import { workflowErrors } from '../workflow.errors.js';
import { assertFormData } from './form-data.js';

/** One changed form field, as the approval record keeps it. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * Checks the form values an approver changes with their decision: only fields the task's
 * node grants `edit` (anything else, unknown keys included, 40059 naming each field), and the
 * whole form as it would be afterwards against the form's types (40054). Answers the fields
 * whose value really changes, old → new; nothing is written here.
 */
export function checkFieldEdits(
  run: EngineRun,
  nodeId: string,
  changes: Record<string, unknown>,
): { form: Record<string, unknown>; changed: FieldChange[] } {
  const node = run.index.places.get(nodeId)?.node as FlowNode | undefined;
  const grants = (node && 'field_permissions' in node ? node.field_permissions : undefined) ?? {};
  const known = new Set(run.body.form.fields.map((f) => f.key));
  const refused: FieldError[] = Object.keys(changes)
    .filter((key) => grants[key] !== 'edit')
    .map((key) => ({
      field: `form_changes.${key}`,
      message: known.has(key)
        ? `this step may ${grants[key] === 'hidden' ? 'not see' : 'only read'} ${key}`
        : 'not a field of this form',
    }));
  if (refused.length > 0)
    throw domainError(
      workflowErrors.FIELD_NOT_EDITABLE,
      `Your step may not change ${refused.map((r) => r.field.slice('form_changes.'.length)).join(', ')}`,
      { fieldErrors: refused },
    );
  const form = { ...run.form, ...changes };
  assertFormData(run.body.form.fields, form);
  const changed = Object.keys(changes)
    .filter((key) => encodeJson(run.form[key] ?? null) !== encodeJson(changes[key] ?? null))
    .map((key) => ({ field: key, old: run.form[key] ?? null, new: changes[key] ?? null }));
  return { form, changed };
}

/**
 * Stores the checked form on the running instance and in the run (so a condition after this
 * node routes on the new values), with an audit event naming each field old → new.
 */
export async function saveFieldEdits(
  run: EngineRun,
  taskId: string,
  nodeId: string,
  edits: { form: Record<string, unknown>; changed: FieldChange[] },
): Promise<void> {
  if (edits.changed.length === 0) return;
  const changes = { form_data: encodeJson(edits.form), updated_at: run.now };
  if (!(await repo.moveInstance(run.trx, run.instance.id, ['running'], changes)))
    throw domainError(workflowErrors.INSTANCE_NOT_RUNNING, `The approval is ${run.instance.status}`);
  Object.assign(run.instance, changes);
  run.form = edits.form;
  const values = (pick: 'old' | 'new') => Object.fromEntries(edits.changed.map((c) => [c.field, c[pick]]));
  auditStep(run, {
    type: 'workflow.task.fields_edited',
    entityId: run.instance.id,
    payload: {
      node_id: nodeId,
      task_id: taskId,
      comment: null,
      target: edits.changed.map((c) => c.field).join(','),
    },
    before: { form_data: values('old') },
    after: { form_data: values('new') },
  });
}
