import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { Page, PageRequest } from '../../platform/db/pagination.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { AppError, domainError } from '../../platform/errors.js';
import type { DocumentTemplatesDeps } from './document-templates.deps.js';
import { documentTemplatesErrors as errors } from './document-templates.errors.js';
import type { StagedTemplate } from './template-files.service.js';
import {
  applySchemaEdits,
  carryOverEdits,
  diffVariables,
  SchemaEditError,
  type TemplateVariable,
  type VariableChange,
} from './template-variables.js';
import * as repo from './templates.repository.js';

/**
 * Templates and their versions. Access is by permission (routes); a template is shared
 * by everybody who may read templates, as a contract template is in a legal department.
 */
export function variablesOf(version: repo.TemplateVersionRow): TemplateVariable[] {
  return decodeJson<TemplateVariable[]>(version.variables) ?? [];
}

export async function getTemplate(db: DbOrTrx, id: string): Promise<repo.TemplateRow> {
  const row = await repo.findTemplate(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such template');
  return row;
}

export async function getVersion(
  db: DbOrTrx,
  templateId: string,
  version?: number,
): Promise<repo.TemplateVersionRow> {
  const template = await getTemplate(db, templateId);
  const row = await repo.findVersion(db, templateId, version ?? template.latest_version);
  if (!row) throw new AppError('NOT_FOUND', 'No such template version');
  return row;
}

export function listTemplates(db: DbOrTrx, page: PageRequest): Promise<Page<repo.TemplateRow>> {
  return repo.templatePage(db, page);
}

export async function listVersions(db: DbOrTrx, templateId: string): Promise<repo.TemplateVersionRow[]> {
  await getTemplate(db, templateId);
  return repo.listVersions(db, templateId);
}

function versionRow(
  deps: DocumentTemplatesDeps,
  actor: Actor,
  templateId: string,
  version: number,
  staged: StagedTemplate,
  variables: TemplateVariable[],
  note: string | null,
): repo.TemplateVersionRow {
  return {
    id: newId(),
    template_id: templateId,
    version,
    file_key: staged.key,
    file_name: staged.fileName,
    size: staged.size,
    variables: encodeJson(variables),
    note,
    created_by: actor.userId,
    created_at: deps.clock.now().toISOString(),
  };
}

export async function createTemplate(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: { name: string; description: string | null; staged: StagedTemplate },
): Promise<{ template: repo.TemplateRow; version: repo.TemplateVersionRow }> {
  if (await repo.findTemplateByName(trx, input.name)) {
    throw domainError(errors.TEMPLATE_NAME_TAKEN, 'A template of that name exists');
  }
  const now = deps.clock.now().toISOString();
  const template: repo.TemplateRow = {
    id: newId(),
    name: input.name,
    description: input.description,
    latest_version: 1,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTemplate(trx, template);
  const version = versionRow(deps, actor, template.id, 1, input.staged, input.staged.variables, null);
  await repo.insertVersion(trx, version);
  await deps.audit.record(trx, actor, {
    type: 'document-templates.template.created',
    entityId: template.id,
    payload: { name: template.name, sha256: input.staged.key, variables: input.staged.variables.length },
  });
  return { template, version };
}

/** A new version: its schema keeps people's edits for variables still present; answers the diff. */
export async function addVersion(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: { templateId: string; staged: StagedTemplate; note: string | null },
): Promise<{ version: repo.TemplateVersionRow; changes: VariableChange[] }> {
  const previous = await getVersion(trx, input.templateId);
  const before = variablesOf(previous);
  const variables = carryOverEdits(input.staged.variables, before);
  const next = previous.version + 1;
  if (
    !(await repo.advanceLatestVersion(
      trx,
      input.templateId,
      previous.version,
      deps.clock.now().toISOString(),
    ))
  ) {
    throw new AppError('CONFLICT', 'Another version was added at the same time; try again');
  }
  const version = versionRow(deps, actor, input.templateId, next, input.staged, variables, input.note);
  await repo.insertVersion(trx, version);
  const changes = diffVariables(before, variables);
  await deps.audit.record(trx, actor, {
    type: 'document-templates.template.version_added',
    entityId: input.templateId,
    payload: { version: next, sha256: input.staged.key, changes: changes.length },
  });
  return { version, changes };
}

/** A found schema with people's edits applied; 400 when an edit names a variable the DOCX lacks. */
export function editedVariables(found: TemplateVariable[], edits: TemplateVariable[]): TemplateVariable[] {
  try {
    return applySchemaEdits(found, edits);
  } catch (error) {
    if (!(error instanceof SchemaEditError)) throw error;
    throw new AppError('VALIDATION', 'The schema does not match the template', {
      fieldErrors: [{ field: 'variables', message: error.message }],
    });
  }
}

/** People's edits to a version's schema (labels, types, required, samples). */
export async function editSchema(
  trx: Trx,
  deps: DocumentTemplatesDeps,
  actor: Actor,
  input: { templateId: string; version: number; variables: TemplateVariable[] },
): Promise<repo.TemplateVersionRow> {
  const row = await getVersion(trx, input.templateId, input.version);
  const variables = editedVariables(variablesOf(row), input.variables);
  await repo.updateVersionVariables(trx, row.id, encodeJson(variables));
  await deps.audit.record(trx, actor, {
    type: 'document-templates.template.schema_edited',
    entityId: input.templateId,
    payload: { version: input.version },
  });
  return { ...row, variables: encodeJson(variables) };
}

/** The variable diff between two versions of one template. */
export async function versionDiff(
  db: DbOrTrx,
  templateId: string,
  from: number,
  to: number,
): Promise<VariableChange[]> {
  const [left, right] = await Promise.all([getVersion(db, templateId, from), getVersion(db, templateId, to)]);
  return diffVariables(variablesOf(left), variablesOf(right));
}
