import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import * as repo from './templates.repository.js';
import type { newTemplate, templateListQuery, templatePatch } from './templates.schemas.js';

type NewTemplate = Static<typeof newTemplate>;
type TemplatePatch = Static<typeof templatePatch>;

const flag = (value: boolean | undefined, fallback: boolean) => ((value ?? fallback) ? 1 : 0);

function checkEntityType(deps: SigningDeps, type: string | undefined): void {
  if (type !== undefined && !deps.entityTypes.has(type))
    throw domainError(signingErrors.UNKNOWN_ENTITY_TYPE, `entity_type ${type} is not registered`, {
      fieldErrors: [{ field: 'entity_type', message: `one of: ${deps.entityTypes.list().join(', ')}` }],
    });
}

/** Creates a template (seed defaults: 1 signature, any order, drawn/typed/image, 365 days, 72 hours). */
export async function createTemplate(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  input: NewTemplate,
): Promise<repo.TemplateRow> {
  checkEntityType(deps, input.entity_type);
  if (await repo.findTemplateByCode(trx, input.template_code))
    throw domainError(signingErrors.TEMPLATE_CODE_TAKEN, `template_code ${input.template_code} is taken`);
  const at = deps.clock.now().toISOString();
  const row: repo.TemplateRow = {
    id: newId(),
    template_name: input.template_name,
    template_code: input.template_code,
    entity_type: input.entity_type,
    description: input.description ?? null,
    required_signatures_count: input.required_signatures_count ?? 1,
    signature_order: input.signature_order ?? 'any',
    allow_drawn_signature: flag(input.allow_drawn_signature, true),
    allow_typed_signature: flag(input.allow_typed_signature, true),
    allow_image_signature: flag(input.allow_image_signature, true),
    allow_certificate_signature: flag(input.allow_certificate_signature, false),
    signature_valid_days: input.signature_valid_days ?? 365,
    request_expires_hours: input.request_expires_hours ?? 72,
    reminder_hours: input.reminder_hours ?? null,
    consent_text: input.consent_text ?? null,
    is_active: flag(input.is_active, true),
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  };
  await repo.insertTemplate(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'signing.template.created',
    entityId: row.id,
    payload: { template_code: row.template_code },
    after: { ...row },
  });
  return row;
}

/** Changes a template; requests already created keep the settings they copied. */
export async function updateTemplate(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  id: string,
  patch: TemplatePatch,
): Promise<repo.TemplateRow> {
  const before = await repo.findTemplate(trx, id);
  if (!before) throw notFound('Template');
  checkEntityType(deps, patch.entity_type);
  if (
    patch.template_code &&
    patch.template_code !== before.template_code &&
    (await repo.findTemplateByCode(trx, patch.template_code))
  )
    throw domainError(signingErrors.TEMPLATE_CODE_TAKEN, `template_code ${patch.template_code} is taken`);
  const changes: Partial<repo.TemplateRow> = { updated_at: deps.clock.now().toISOString() };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    (changes as Record<string, unknown>)[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  await repo.updateTemplate(trx, id, changes);
  const after = { ...before, ...changes };
  await deps.audit.record(trx, actor, {
    type: 'signing.template.updated',
    entityId: id,
    payload: { template_code: after.template_code },
    before: { ...before },
    after: { ...after },
  });
  return after;
}

export async function listTemplates(db: DbOrTrx, query: Static<typeof templateListQuery>) {
  return repo.templatePage(db, query, {
    page: query.page,
    page_size: query.per_page ?? query.page_size ?? 20,
  });
}

export { checkEntityType };
