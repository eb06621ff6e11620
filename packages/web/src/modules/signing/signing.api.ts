import { ApiError } from '@/platform/api/api-error';
import { authorizedFetch } from '@/platform/api/http-client';
import type { paths } from '@/platform/api/schema';
import type { PageOf, PageQuery } from '@/platform/table/use-table';

/**
 * The sender's side of /api/v1/digital-signature (seed 004's paths and field names, as the
 * signing module's schemas define them). Plain requests through the app's authorised fetch:
 * the generated client learns these paths once the signing module is in the OpenAPI file
 * (`npm run api:generate`).
 */
const base = '/api/v1/digital-signature';

export const requestStatuses = [
  'pending',
  'sent',
  'partially_signed',
  'completed',
  'expired',
  'cancelled',
  'rejected',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const signerRoles = [
  'signer',
  'approver',
  'viewer',
  'cc',
  'witness',
  'assistant',
  'author',
  'reviewer',
] as const;
export const signerTypes = ['customer', 'company', 'witness'] as const;
export const signatureTypes = ['drawn', 'typed', 'image', 'certificate'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
/** The request's second factor for external signers (PUT /requests/{id}/second-factor). */
export const secondFactors = ['none', 'email_code', 'sms_code', 'access_code'] as const;
export type SecondFactor = (typeof secondFactors)[number];
export const statusColor: Record<string, string> = {
  pending: 'default',
  sent: 'processing',
  partially_signed: 'gold',
  completed: 'success',
  expired: 'warning',
  cancelled: 'default',
  rejected: 'error',
  viewed: 'cyan',
  signed: 'success',
  declined: 'error',
};

/** The `data` of an operation's success envelope (200 or 201), from the generated API types. */
type Data<Op> = Op extends { responses: { 200: { content: { 'application/json': { data: infer D } } } } }
  ? D
  : Op extends { responses: { 201: { content: { 'application/json': { data: infer D } } } } }
    ? D
    : never;
type P = paths;
export type SignatureRequest = Data<P['/api/v1/digital-signature/requests/{id}']['get']>;
export type InternalSignBody =
  P['/api/v1/digital-signature/requests/{id}/signers/{signer_id}/sign']['post']['requestBody']['content']['application/json'];
export type Signer = SignatureRequest['signers'][number];
export type Signature = SignatureRequest['signatures'][number];
export type Template = Data<P['/api/v1/digital-signature/templates/{id}']['put']>;
export type TemplateInput = Omit<Template, 'id' | 'created_at' | 'updated_at'>;
export type SigningLink = Data<P['/api/v1/digital-signature/requests/{id}/send']['post']>['links'][number];
export type Constants = Data<P['/api/v1/digital-signature/constants']['get']>;
type CreateBody = NonNullable<
  P['/api/v1/digital-signature/requests']['post']['requestBody']
>['content']['application/json'];
/** A party as the form edits it (empty strings rather than nulls). */
export type NewSigner = Omit<
  NonNullable<CreateBody['signers']>[number],
  'signer_email' | 'signer_phone' | 'signing_group' | 'assists'
> & {
  signer_email?: string;
  signer_phone?: string;
  signing_group?: string;
  /** Assistants: index of the party whose fields they fill. */
  assists?: number;
};
/**
 * The create body, plus `fields` placed on the pages: the seed's request has no fields; the
 * page sends them only when some were placed (the signing module must accept them).
 */
export type NewRequest = CreateBody & { fields?: PlacedField[] };
export interface PlacedField {
  signer_index: number;
  field_type: 'signature' | 'initials' | 'name' | 'date' | 'text' | 'checkbox' | 'dropdown';
  document_id: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  required: boolean;
  /** The choices of a dropdown (the server refuses a dropdown without them). */
  options?: string[];
}
async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await authorizedFetch(
      new Request(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const payload = (await response.json().catch(() => null)) as { data?: T } | null;
  if (!response.ok) throw ApiError.fromResponse(response, payload);
  return payload?.data as T;
}

const query = (q: object) => {
  const params = new URLSearchParams();
  // The seed's lists take page and page_size (or per_page) but no sort parameter.
  for (const [key, value] of Object.entries(q))
    if (key !== 'sort' && value !== undefined && value !== null && value !== '')
      params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export type RequestQuery = PageQuery & {
  status?: string;
  entity_type?: string;
  search?: string;
  entity_id?: string;
};
export type TemplateQuery = PageQuery & {
  entity_type?: string;
  is_active?: 'true' | 'false';
  search?: string;
};

export const signingApi = {
  constants: () => send<Constants>('GET', '/constants'),
  requests: (q: RequestQuery) => send<PageOf<SignatureRequest>>('GET', `/requests${query(q)}`),
  request: (id: string) => send<SignatureRequest>('GET', `/requests/${encodeURIComponent(id)}`),
  create: (body: NewRequest) => send<SignatureRequest>('POST', '/requests', body),
  sendRequest: (id: string) =>
    send<{ request: SignatureRequest; links: SigningLink[] }>(
      'POST',
      `/requests/${encodeURIComponent(id)}/send`,
      {},
    ),
  cancel: (id: string, reason: string) =>
    send<SignatureRequest>('POST', `/requests/${encodeURIComponent(id)}/cancel`, reason ? { reason } : {}),
  revoke: (signatureId: string, reason: string) =>
    send<unknown>('POST', `/signatures/${encodeURIComponent(signatureId)}/revoke`, reason ? { reason } : {}),
  /** An internal signer signs from their account; under a Part 11 policy with `part11` (the ceremony). */
  signInternal: (id: string, signerId: string, body: InternalSignBody) =>
    send<unknown>(
      'POST',
      `/requests/${encodeURIComponent(id)}/signers/${encodeURIComponent(signerId)}/sign`,
      body,
    ),
  secondFactor: (id: string) =>
    send<{ factor: SecondFactor }>('GET', `/requests/${encodeURIComponent(id)}/second-factor`),
  setSecondFactor: (id: string, factor: SecondFactor, accessCode?: string) =>
    send<{ factor: SecondFactor }>('PUT', `/requests/${encodeURIComponent(id)}/second-factor`, {
      factor,
      ...(factor === 'access_code' ? { access_code: accessCode ?? '' } : {}),
    }),
  templates: (q: TemplateQuery) => send<PageOf<Template>>('GET', `/templates${query(q)}`),
  createTemplate: (body: Partial<TemplateInput>) => send<Template>('POST', '/templates', body),
  updateTemplate: (id: string, body: Partial<TemplateInput>) =>
    send<Template>('PUT', `/templates/${encodeURIComponent(id)}`, body),
};
