import type { Actor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import { domainError } from '../../../platform/errors.js';
import { documents, type StagedContent } from '../../documents/index.js';
import { summaryFor } from '../requests.routes.js';
import { createRequest, type NewRequest, type NewSigner } from '../requests.service.js';
import { sendRequest } from '../send.service.js';
import type { TemplateRow } from '../templates.repository.js';
import type { InstancesDeps } from './instances.deps.js';
import { instancesErrors } from './instances.errors.js';
import type { RoleRow } from './template-setup.repository.js';
import { documentsOf, rolesOf } from './template-setup.repository.js';
import { templateOrFail } from './template-setup.service.js';

/**
 * A new request made from a template (direct link, bulk row): the template's PDFs filed on
 * the instance's record, one signer per role placeholder (a fixed person from the template,
 * or the party given for that role), created and sent in the caller's transaction, so a
 * failure leaves nothing behind.
 */
export interface Party {
  signer_name: string;
  signer_email?: string | null;
  signer_phone?: string | null;
}

export type Language = 'en' | 'zh-CN' | 'he';

/** What a template instance needs before its transaction (slow work: reading and staging PDFs). */
export interface StagedTemplate {
  template: TemplateRow;
  roles: RoleRow[];
  pdfs: StagedContent[];
}

/** Roles that need a person per instance (no fixed person on the template). */
export const openRoles = (roles: readonly RoleRow[]): RoleRow[] => roles.filter((r) => !r.signer_name);

export async function stageTemplate(deps: InstancesDeps, templateId: string): Promise<StagedTemplate> {
  const template = await templateOrFail(deps.db, templateId);
  if (template.is_active !== 1)
    throw domainError(instancesErrors.TEMPLATE_INACTIVE, `Template ${template.template_code} is inactive`);
  const [roles, docs] = await Promise.all([rolesOf(deps.db, templateId), documentsOf(deps.db, templateId)]);
  if (roles.length === 0)
    throw domainError(instancesErrors.TEMPLATE_ROLES_INVALID, 'The template has no role placeholders yet');
  const pdfs: StagedContent[] = [];
  for (const doc of docs) {
    const current = await documents.current(deps.db, doc.document_id);
    // content-addressed: staging the same bytes again stores nothing new
    const bytes = await documents.read(deps.ctx, current.sha256);
    pdfs.push(await documents.stage(deps.ctx, bytes, doc.file_name));
  }
  return { template, roles, pdfs };
}

export interface InstanceInput {
  staged: StagedTemplate;
  parties: Readonly<Record<string, Party>>;
  entityId: string;
  title: string;
  language: Language;
}

function signersOf(roles: readonly RoleRow[], parties: Readonly<Record<string, Party>>): NewSigner[] {
  return roles.map((r) => {
    const party: Party | undefined = r.signer_name
      ? { signer_name: r.signer_name, signer_email: r.signer_email, signer_phone: r.signer_phone }
      : parties[r.role_key];
    if (!party)
      throw domainError(instancesErrors.TEMPLATE_ROLES_INVALID, `No person given for role ${r.role_key}`);
    return {
      signer_name: party.signer_name,
      signer_email: party.signer_email ?? null,
      signer_phone: party.signer_phone ?? null,
      signer_type: r.signer_type,
      role: r.role,
      signing_order: r.signing_order,
    };
  });
}

/** The request as the seed's create body (used for the summary PDF when the template has none). */
export function requestBody(input: InstanceInput, documentIds: string[]): NewRequest {
  const { template, roles } = input.staged;
  return {
    entity_type: template.entity_type,
    entity_id: input.entityId,
    title: input.title,
    description: template.description,
    template_id: template.id,
    language: input.language,
    document_ids: documentIds,
    signers: signersOf(roles, input.parties),
  };
}

/** The summary PDF a template without stored PDFs carries (staged before the transaction). */
export async function stageSummary(deps: InstancesDeps, input: InstanceInput) {
  return input.staged.pdfs.length > 0 ? undefined : summaryFor(deps, requestBody(input, []));
}

export async function createInstance(
  trx: Trx,
  deps: InstancesDeps,
  actor: Actor,
  input: InstanceInput,
  summary: StagedContent | undefined,
) {
  const { template } = input.staged;
  const ids: string[] = [];
  for (const pdf of input.staged.pdfs) {
    const filed = await documents.create(trx, deps.ctx, actor, {
      entityType: template.entity_type,
      entityId: input.entityId,
      title: pdf.fileName,
      category: 'contract',
      content: pdf,
      note: `From signature template ${template.template_code}`,
    });
    ids.push(filed.document.id);
  }
  const request = await createRequest(trx, deps, actor, requestBody(input, ids), summary);
  const { links } = await sendRequest(trx, deps, actor, request.id);
  return { request, links };
}
