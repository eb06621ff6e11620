import type { TemplateDraft } from './template-model.js';

/**
 * Templates a module ships with its code (identity's password links, codes and security
 * notices). The first send of such a code creates it as version 1; from then on it is an
 * ordinary template that administrators may translate and edit, with versions and
 * rollback. Registered at import time, like a job definition.
 */
const provided = new Map<string, TemplateDraft & { code: string; module: string }>();

export function provideTemplates(
  module: string,
  drafts: readonly (TemplateDraft & { code: string })[],
): void {
  for (const draft of drafts) {
    const existing = provided.get(draft.code);
    if (existing && existing.module !== module)
      throw new Error(`template ${draft.code} is provided by ${existing.module}`);
    provided.set(draft.code, { ...draft, module });
  }
}

export function providedTemplate(code: string): (TemplateDraft & { code: string }) | undefined {
  const found = provided.get(code);
  if (!found) return undefined;
  const { module: _module, ...draft } = found;
  return draft;
}
