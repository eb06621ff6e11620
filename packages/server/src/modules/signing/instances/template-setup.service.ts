import type { Actor } from '../../../platform/actor.js';
import { newId } from '../../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, notFound } from '../../../platform/errors.js';
import { documents, type StagedContent } from '../../documents/index.js';
import { SIGNING_ROLES } from '../signing.policy.js';
import type { SignerRole, SignerType } from '../signing.tables.js';
import { findTemplate, type TemplateRow } from '../templates.repository.js';
import { linkOfTemplate } from './direct-links.repository.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import * as repo from './template-setup.repository.js';

/**
 * A template's setup for new instances: the PDFs it carries (documents filed on the record
 * `signature_template:{id}` through the documents module) and its role placeholders. A role
 * with a fixed person (the company signer) is filled from the template; the others per
 * instance (the direct-link visitor, a bulk row's columns, the sender).
 */
export const TEMPLATE_RECORD = 'signature_template';

export interface RoleInput {
  role_key: string;
  label?: string | undefined;
  role?: SignerRole | undefined;
  signer_type?: SignerType | undefined;
  signing_order?: number | undefined;
  signer_name?: string | null | undefined;
  signer_email?: string | null | undefined;
  signer_phone?: string | null | undefined;
}

export async function templateOrFail(db: DbOrTrx, id: string): Promise<TemplateRow> {
  const template = await findTemplate(db, id);
  if (!template) throw notFound('Template');
  return template;
}

/** The template's roles, stored PDFs and direct link (without its secret's hash in any answer). */
export async function setupOf(db: DbOrTrx, templateId: string) {
  await templateOrFail(db, templateId);
  const [roles, docs, link] = await Promise.all([
    repo.rolesOf(db, templateId),
    repo.documentsOf(db, templateId),
    linkOfTemplate(db, templateId),
  ]);
  return { roles, documents: docs, link };
}

const rolesInvalid = (message: string, field = 'roles') =>
  domainError(instancesErrors.TEMPLATE_ROLES_INVALID, message, { fieldErrors: [{ field, message }] });

/** Replaces the role placeholders (keys unique, at least one role that signs). */
export async function setRoles(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  templateId: string,
  input: RoleInput[],
): Promise<repo.RoleRow[]> {
  const template = await templateOrFail(trx, templateId);
  const keys = new Set<string>();
  for (const [index, role] of input.entries()) {
    if (keys.has(role.role_key))
      throw rolesInvalid(`role_key ${role.role_key} is used twice`, `roles[${index}]`);
    keys.add(role.role_key);
  }
  if (!input.some((r) => SIGNING_ROLES.has(r.role ?? 'signer')))
    throw rolesInvalid('At least one role must sign (signer, approver or witness)');
  const at = deps.clock.now().toISOString();
  const rows: repo.RoleRow[] = input.map((r, position) => ({
    id: newId(),
    template_id: templateId,
    role_key: r.role_key,
    label: r.label?.trim() || r.role_key,
    role: r.role ?? 'signer',
    signer_type: r.signer_type ?? 'customer',
    signing_order: r.signing_order ?? position + 1,
    signer_name: r.signer_name?.trim() || null,
    signer_email: r.signer_email?.trim() || null,
    signer_phone: r.signer_phone?.trim() || null,
    position,
    created_at: at,
  }));
  await repo.replaceRoles(trx, templateId, rows);
  await deps.events.record(trx, actor, {
    type: 'signing.template.roles_set',
    entityId: templateId,
    payload: { template_code: template.template_code, detail: rows.map((r) => r.role_key).join(', ') },
  });
  return rows;
}

/** Files a staged PDF on the template (it is copied onto each new instance's record). */
export async function addTemplateDocument(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  templateId: string,
  staged: StagedContent,
  fileName: string,
): Promise<repo.TemplateDocumentRow> {
  const template = await templateOrFail(trx, templateId);
  const filed = await documents.create(trx, deps.ctx, actor, {
    entityType: TEMPLATE_RECORD,
    entityId: templateId,
    title: fileName,
    category: 'other',
    content: staged,
    note: `Signature template ${template.template_code}`,
  });
  const existing = await repo.documentsOf(trx, templateId);
  const row: repo.TemplateDocumentRow = {
    id: newId(),
    template_id: templateId,
    document_id: filed.document.id,
    file_name: fileName,
    position: existing.length,
    created_at: deps.clock.now().toISOString(),
  };
  await repo.insertDocument(trx, row);
  await deps.events.record(trx, actor, {
    type: 'signing.template.document_added',
    entityId: templateId,
    payload: { template_code: template.template_code, detail: filed.document.id },
  });
  return row;
}

export async function removeTemplateDocument(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  templateId: string,
  id: string,
): Promise<void> {
  const template = await templateOrFail(trx, templateId);
  if (!(await repo.deleteDocument(trx, templateId, id))) throw notFound('Template document');
  await deps.events.record(trx, actor, {
    type: 'signing.template.document_removed',
    entityId: templateId,
    payload: { template_code: template.template_code, detail: id },
  });
}
