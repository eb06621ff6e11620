import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import * as repo from './drafts.repository.js';
import { sampleRow } from './row-validation.js';
import { renderPreview, type StagedTemplate, stageTemplate } from './template-files.service.js';
import type { TemplateVariable } from './template-variables.js';
import * as templates from './templates.service.js';

/**
 * Staged drafts: an uploaded DOCX previewed with sample data before it becomes a version.
 * A draft is its uploader's alone, lives an hour, and is saved once (without re-uploading)
 * or collected: expired rows go, and their bytes too unless a version or draft holds them.
 */
export const draftTtlMs = 60 * 60 * 1000;
const collectBatch = 100;

export function draftVariables(draft: repo.DraftRow): TemplateVariable[] {
  return decodeJson<TemplateVariable[]>(draft.variables) ?? [];
}

/** Inspects (refusing a hostile or broken DOCX before anything is stored), stores, keeps the draft. */
export async function stageDraft(
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: { bytes: Buffer; fileName: string; templateId: string | null },
): Promise<repo.DraftRow> {
  if (input.templateId) await templates.getTemplate(deps.db, input.templateId);
  await collectExpiredDrafts(deps);
  const staged = await stageTemplate(deps, input.bytes, input.fileName);
  const now = deps.clock.now();
  const row: repo.DraftRow = {
    id: newId(),
    template_id: input.templateId,
    file_key: staged.key,
    file_name: staged.fileName,
    size: staged.size,
    variables: encodeJson(staged.variables),
    created_by: actor.userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + draftTtlMs).toISOString(),
  };
  await repo.insertDraft(deps.db, row);
  // A collector that checked the same content before this row existed may have just deleted
  // it (storage is content-addressed): put it back now that the row holds it.
  if (!(await deps.storage.has(row.file_key))) await deps.storage.put(input.bytes);
  return row;
}

/** The caller's live draft, or 40451 (expired, saved, discarded or someone else's). */
export async function getDraft(
  db: DbOrTrx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  id: string,
): Promise<repo.DraftRow> {
  const row = await repo.findLiveDraft(db, id, actor.userId, deps.clock.now().toISOString());
  if (!row) throw domainError(errors.TEMPLATE_DRAFT_NOT_FOUND, 'No such template draft (drafts expire)');
  return row;
}

/** The draft filled with `data` (default: the samples of the draft schema) as PDF; nothing saved. */
export async function previewDraft(
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: { draftId: string; data?: Record<string, unknown>; variables?: TemplateVariable[] },
): Promise<Buffer> {
  const draft = await getDraft(deps.db, deps, actor, input.draftId);
  const found = draftVariables(draft);
  const variables = input.variables ? templates.editedVariables(found, input.variables) : found;
  return renderPreview(deps, draft.file_key, variables, input.data ?? sampleRow(variables));
}

/** Saves the draft as a new template or its template's next version, then forgets the draft. */
export async function saveDraft(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: {
    draftId: string;
    name: string | null;
    description: string | null;
    note: string | null;
    variables?: TemplateVariable[];
  },
) {
  const draft = await getDraft(trx, deps, actor, input.draftId);
  if (input.variables) templates.editedVariables(draftVariables(draft), input.variables);
  // claims the draft: a second save of the same draft finds nothing
  if (!(await repo.deleteDraft(trx, draft.id))) {
    throw domainError(errors.TEMPLATE_DRAFT_NOT_FOUND, 'The draft was saved already');
  }
  const staged: StagedTemplate = {
    key: draft.file_key,
    size: draft.size,
    fileName: draft.file_name,
    variables: draftVariables(draft),
  };
  const saved = draft.template_id
    ? {
        ...(await templates.addVersion(trx, deps, actor, {
          templateId: draft.template_id,
          staged,
          note: input.note,
        })),
        templateId: draft.template_id,
      }
    : await createFromDraft(trx, deps, actor, staged, input);
  const version = input.variables
    ? await templates.editSchema(trx, deps, actor, {
        templateId: saved.templateId,
        version: saved.version.version,
        variables: input.variables,
      })
    : saved.version;
  return { templateId: saved.templateId, version, changes: saved.changes };
}

async function createFromDraft(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  staged: StagedTemplate,
  input: { name: string | null; description: string | null },
) {
  const name = (input.name ?? '').trim() || staged.fileName.replace(/\.docx$/i, '');
  const created = await templates.createTemplate(trx, deps, actor, {
    name: name.slice(0, 200),
    description: input.description?.trim() || null,
    staged,
  });
  return { templateId: created.template.id, version: created.version, changes: [] };
}

/** Discards the caller's draft now (its bytes go with it unless something else holds them). */
export async function discardDraft(deps: DocumentTemplatesDeps, actor: Actor, id: string): Promise<void> {
  const draft = await getDraft(deps.db, deps, actor, id);
  if (await repo.deleteDraft(deps.db, draft.id)) await releaseFile(deps, draft.file_key);
}

/** Removes expired drafts and the bytes nothing else holds. Runs before each new draft. */
export async function collectExpiredDrafts(deps: DocumentTemplatesDeps): Promise<number> {
  const expired = await repo.expiredDrafts(deps.db, deps.clock.now().toISOString(), collectBatch);
  for (const draft of expired) {
    if (await repo.deleteDraft(deps.db, draft.id)) await releaseFile(deps, draft.file_key);
  }
  return expired.length;
}

async function releaseFile(deps: DocumentTemplatesDeps, key: string): Promise<void> {
  if (!(await repo.isFileKeyHeld(deps.db, key))) await deps.storage.delete(key);
}
