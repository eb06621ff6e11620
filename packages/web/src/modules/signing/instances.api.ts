import { ApiError } from '@/platform/api/api-error';
import { authorizedFetch } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';

/**
 * The sender's side of requests made from templates: setup (roles, PDFs), the direct link,
 * bulk send with progress, and in-person sessions (server: modules/signing/instances).
 */
const base = '/api/v1/digital-signature';
type Data<Op> = Op extends { responses: { 200: { content: { 'application/json': { data: infer D } } } } }
  ? D
  : Op extends { responses: { 201: { content: { 'application/json': { data: infer D } } } } }
    ? D
    : Op extends { responses: { 202: { content: { 'application/json': { data: infer D } } } } }
      ? D
      : never;
type P = paths;
export type TemplateSetup = Data<P['/api/v1/digital-signature/templates/{id}/setup']['get']>;
export type TemplateRole = TemplateSetup['roles'][number];
export type IssuedLink = Data<P['/api/v1/digital-signature/templates/{id}/direct-link']['post']>;
export type BulkSend = Data<P['/api/v1/digital-signature/bulk-sends/{bulk_id}']['get']>;
export type StartedSession = Data<
  P['/api/v1/digital-signature/requests/{id}/signers/{signer_id}/in-person']['post']
>;
export type HostLock = Data<P['/api/v1/digital-signature/in-person/lock']['get']>;
/** A role as the setup form edits it (empty text for "no fixed person"). */
export type RoleInput = Partial<Pick<TemplateRole, 'label' | 'role' | 'signer_type' | 'signing_order'>> & {
  role_key: string;
  signer_name?: string;
  signer_email?: string;
  signer_phone?: string;
};

async function call<T>(method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  let response: Response;
  try {
    response = await authorizedFetch(new Request(`${base}${path}`, { method, headers, body }));
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const payload = (await response.json().catch(() => null)) as { data?: T } | null;
  if (!response.ok) throw ApiError.fromResponse(response, payload);
  return payload?.data as T;
}
const json = (body: unknown) => JSON.stringify(body);
const jsonType = { 'content-type': 'application/json' };
const id = encodeURIComponent;

export const instancesApi = {
  setup: (templateId: string) => call<TemplateSetup>('GET', `/templates/${id(templateId)}/setup`),
  setRoles: (templateId: string, roles: RoleInput[]) =>
    call<TemplateSetup>(
      'PUT',
      `/templates/${id(templateId)}/roles`,
      json({
        roles: roles.map((r) => ({
          ...r,
          signer_name: r.signer_name?.trim() || null,
          signer_email: r.signer_email?.trim() || null,
          signer_phone: r.signer_phone?.trim() || null,
        })),
      }),
      jsonType,
    ),
  addPdf: (templateId: string, file: File) =>
    call<TemplateSetup>(
      'POST',
      `/templates/${id(templateId)}/documents?file_name=${id(file.name.slice(0, 200))}`,
      file,
      { 'content-type': 'application/pdf' },
    ),
  removePdf: (templateId: string, documentId: string) =>
    call<TemplateSetup>('DELETE', `/templates/${id(templateId)}/documents/${id(documentId)}`),
  issueLink: (templateId: string) =>
    call<IssuedLink>('POST', `/templates/${id(templateId)}/direct-link`, json({}), jsonType),
  enableLink: (templateId: string, isEnabled: boolean) =>
    call<unknown>(
      'PATCH',
      `/templates/${id(templateId)}/direct-link`,
      json({ is_enabled: isEnabled }),
      jsonType,
    ),
  bulkSend: (templateId: string, file: File, title: string, language: string) => {
    const form = new FormData();
    if (title) form.set('title', title);
    form.set('language', language);
    form.set('file', file);
    return call<BulkSend>('POST', `/templates/${id(templateId)}/bulk-send`, form);
  },
  bulk: (bulkId: string) => call<BulkSend>('GET', `/bulk-sends/${id(bulkId)}`),
  cancelBulk: (bulkId: string) => call<BulkSend>('POST', `/bulk-sends/${id(bulkId)}/cancel`),
  startInPerson: (requestId: string, signerId: string, notify?: 'sms' | 'email' | 'none') =>
    call<StartedSession>(
      'POST',
      `/requests/${id(requestId)}/signers/${id(signerId)}/in-person`,
      json(notify ? { notify } : {}),
      jsonType,
    ),
  lock: () => call<HostLock>('GET', '/in-person/lock'),
  unlock: (sessionId: string, proof: string) =>
    call<unknown>('POST', `/in-person/${id(sessionId)}/unlock`, undefined, { 'x-step-up-proof': proof }),
};
