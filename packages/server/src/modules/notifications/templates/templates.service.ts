import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { conflict, domainError, notFound } from '../../../platform/errors.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors } from '../notifications.errors.js';
import { compileVersion } from './template-compiler.js';
import { diffVersions, type FieldDiff } from './template-diff.js';
import type { TemplateDraft, TemplateSettings, TemplateVariable, TemplateVariant } from './template-model.js';
import * as repo from './templates.repository.js';

/**
 * Template use cases. A template's content lives in immutable versions: saving writes a
 * new version, rolling back copies an old one into a new version, so the history always
 * shows what was sent when. Every save is compiled first (syntax, refused tags, undeclared
 * variables), so a template that would fail at send time is never stored.
 */
export interface TemplateDetail {
  template: repo.TemplateRow;
  version: repo.VersionRow;
}

export async function createTemplate(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: TemplateDraft & { code: string },
): Promise<TemplateDetail> {
  if (await repo.findTemplateByCode(trx, input.code)) {
    throw domainError(notificationsErrors.TEMPLATE_CODE_TAKEN, `A template with code ${input.code} exists`);
  }
  compileVersion(deps.engine, input.variants, input.variables);
  await assertNoBlockedWords(trx, deps, input.variants);
  const now = deps.clock.now().toISOString();
  const template: repo.TemplateRow = {
    id: newId(),
    code: input.code,
    ...settingsColumns(input),
    status: 'active',
    current_version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTemplate(trx, template);
  const version = await writeVersion(trx, actor, template.id, 1, input, null, now);
  await deps.audit.record(trx, actor, {
    type: 'notifications.template.created',
    entityId: template.id,
    payload: { code: template.code, version: 1 },
    after: { name: template.name, category: template.category },
  });
  return { template, version };
}

/** Saves a new version; `baseVersion` (what the editor loaded) guards against lost updates. */
export async function saveTemplate(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  code: string,
  input: TemplateDraft & { base_version?: number },
): Promise<TemplateDetail> {
  const current = await getTemplate(trx, code);
  if (input.base_version !== undefined && input.base_version !== current.template.current_version) {
    throw conflict('The template was changed by someone else; reload it', {
      current_version: current.template.current_version,
    });
  }
  compileVersion(deps.engine, input.variants, input.variables);
  await assertNoBlockedWords(trx, deps, input.variants);
  return advance(trx, deps, actor, current, input, null, 'notifications.template.saved');
}

/** Makes an earlier version current again, as a new version (history is never rewritten). */
export async function rollbackTemplate(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  code: string,
  toVersion: number,
): Promise<TemplateDetail> {
  const current = await getTemplate(trx, code);
  const old = await repo.findVersion(trx, current.template.id, toVersion);
  if (!old) throw notFound(`Version ${toVersion} of template ${code}`);
  const draft: TemplateDraft = {
    ...settingsOf(current.template),
    variants: decodeJson<TemplateVariant[]>(old.variants) ?? [],
    variables: decodeJson<TemplateVariable[]>(old.variables) ?? [],
    note: `Rollback to version ${toVersion}`,
  };
  return advance(trx, deps, actor, current, draft, toVersion, 'notifications.template.rolled_back');
}

async function advance(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  current: TemplateDetail,
  draft: TemplateDraft,
  basedOn: number | null,
  type: 'notifications.template.saved' | 'notifications.template.rolled_back',
): Promise<TemplateDetail> {
  const now = deps.clock.now().toISOString();
  const next = current.template.current_version + 1;
  const changes = { ...settingsColumns(draft), current_version: next, updated_at: now };
  if (!(await repo.advanceTemplate(trx, current.template.id, current.template.current_version, changes))) {
    throw conflict('The template was changed by someone else; reload it');
  }
  const version = await writeVersion(trx, actor, current.template.id, next, draft, basedOn, now);
  const payload = { code: current.template.code, version: next };
  await deps.audit.record(
    trx,
    actor,
    type === 'notifications.template.saved'
      ? { type, entityId: current.template.id, payload }
      : { type, entityId: current.template.id, payload: { ...payload, from_version: basedOn ?? 0 } },
  );
  return { template: { ...current.template, ...changes }, version };
}

export async function setTemplateStatus(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  code: string,
  status: 'active' | 'disabled',
): Promise<TemplateDetail> {
  const current = await getTemplate(trx, code);
  const now = deps.clock.now().toISOString();
  await repo.setTemplateStatus(trx, current.template.id, status, now);
  await deps.audit.record(trx, actor, {
    type: 'notifications.template.status_changed',
    entityId: current.template.id,
    payload: { code, status },
    before: { status: current.template.status },
    after: { status },
  });
  return { ...current, template: { ...current.template, status, updated_at: now } };
}

/** The template and its current version; 404 TEMPLATE_NOT_FOUND when there is none. */
export async function getTemplate(db: DbOrTrx, code: string, version?: number): Promise<TemplateDetail> {
  const template = await repo.findTemplateByCode(db, code);
  if (!template) throw domainError(notificationsErrors.TEMPLATE_NOT_FOUND, `No template has code ${code}`);
  const row = await repo.findVersion(db, template.id, version ?? template.current_version);
  if (!row) throw notFound(`Version ${version} of template ${code}`);
  return { template, version: row };
}

export async function templateVersions(db: DbOrTrx, code: string): Promise<repo.VersionRow[]> {
  const { template } = await getTemplate(db, code);
  return repo.listVersions(db, template.id);
}

export async function diffTemplateVersions(
  db: DbOrTrx,
  code: string,
  from: number,
  to: number,
): Promise<FieldDiff[]> {
  const [a, b] = [await getTemplate(db, code, from), await getTemplate(db, code, to)];
  const content = (v: repo.VersionRow) => ({
    variants: decodeJson<TemplateVariant[]>(v.variants) ?? [],
    variables: decodeJson<TemplateVariable[]>(v.variables) ?? [],
  });
  return diffVersions(content(a.version), content(b.version));
}

async function writeVersion(
  trx: Trx,
  actor: Actor,
  templateId: string,
  version: number,
  draft: TemplateDraft,
  basedOn: number | null,
  now: string,
): Promise<repo.VersionRow> {
  const row: repo.VersionRow = {
    id: newId(),
    template_id: templateId,
    version,
    variants: encodeJson(draft.variants),
    variables: encodeJson(draft.variables),
    note: draft.note ?? null,
    based_on: basedOn,
    created_by: actor.userId,
    created_at: now,
  };
  await repo.insertVersion(trx, row);
  return row;
}

function settingsColumns(input: TemplateSettings) {
  return {
    name: input.name,
    description: input.description ?? null,
    category: input.category,
    inbox_kind: input.inbox_kind ?? 'system',
    is_transactional: input.is_transactional ? 1 : 0,
    is_sensitive: input.is_sensitive ? 1 : 0,
    default_locale: input.default_locale ?? 'zh-CN',
    frequency_limit: input.frequency_limit ?? null,
    frequency_window_seconds: input.frequency_window_seconds ?? null,
  };
}

export function settingsOf(row: repo.TemplateRow): TemplateSettings {
  return {
    name: row.name,
    description: row.description,
    category: row.category,
    inbox_kind: row.inbox_kind,
    is_transactional: row.is_transactional === 1,
    is_sensitive: row.is_sensitive === 1,
    default_locale: row.default_locale as TemplateSettings['default_locale'],
    frequency_limit: row.frequency_limit,
    frequency_window_seconds: row.frequency_window_seconds,
  };
}

/** A template whose own text contains a blocked word would be refused at every send. */
async function assertNoBlockedWords(trx: Trx, deps: NotificationsDeps, variants: readonly TemplateVariant[]) {
  const filter = await deps.words.current(trx);
  for (const v of variants) {
    const found = filter.blocked([v.subject ?? '', v.body, v.text ?? ''].join('\n'));
    if (found) {
      throw domainError(
        notificationsErrors.CONTENT_BLOCKED,
        `The ${v.channel}/${v.locale} variant contains "${found}"`,
        {
          details: { word: found },
        },
      );
    }
  }
}

export async function listTemplates(
  db: DbOrTrx,
  filter: { category?: string; status?: string; q?: string },
  page: { page: number; page_size: number; sort: string },
) {
  return repo.templatePage(db, filter, page);
}
