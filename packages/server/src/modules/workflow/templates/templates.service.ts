import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { latestVersionOf } from '../definitions/definitions.repository.js';
import { createDefinition, publishDefinition } from '../definitions/definitions.service.js';
import type { WorkflowDeps } from '../workflow.deps.js';
import { shippedTemplates } from './shipped-templates.js';

export interface InstallResult {
  key: string;
  /** installed: version 1 created and published now; present: the key exists, left as it is. */
  outcome: 'installed' | 'present';
  id: string | null;
}

/**
 * Installs the shipped templates whose key is free (created and published like any
 * definition, audited); a key already used is never touched, so running it again is safe.
 * `keys` limits it to those templates (all when absent).
 */
export async function installTemplates(
  trx: Trx,
  deps: WorkflowDeps,
  actor: Actor,
  keys?: readonly string[],
): Promise<InstallResult[]> {
  const results: InstallResult[] = [];
  for (const template of shippedTemplates) {
    if (keys && !keys.includes(template.key)) continue;
    if ((await latestVersionOf(trx, template.key)) !== null) {
      results.push({ key: template.key, outcome: 'present', id: null });
      continue;
    }
    const created = await createDefinition(trx, deps, actor, template);
    await publishDefinition(trx, deps, actor, created.id);
    results.push({ key: template.key, outcome: 'installed', id: created.id });
  }
  return results;
}
