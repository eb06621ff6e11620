import type { FlowField } from './approvals.api';

/**
 * What an approver changed on the form: the values of the fields their step grants `edit`
 * that differ from the approval's stored form (compared as JSON), to send as
 * `form_changes` with the approval. Fields they may only read or not see are never sent.
 */
export function formChanges(
  fields: Pick<FlowField, 'key' | 'permission'>[],
  stored: Record<string, unknown>,
  edited: Record<string, unknown>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.permission !== 'edit' || !(field.key in edited)) continue;
    const now = edited[field.key] ?? null;
    if (JSON.stringify(now) !== JSON.stringify(stored[field.key] ?? null)) changes[field.key] = now;
  }
  return changes;
}
