import { ApiError } from '@/platform/api/api-error';
import { authorizedFetch } from '@/platform/api/http-client';
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
export const signerRoles = ['signer', 'approver', 'viewer', 'cc', 'witness', 'assistant'] as const;
export const signerTypes = ['customer', 'company', 'witness'] as const;
export const signatureTypes = ['drawn', 'typed', 'image', 'certificate'] as const;
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
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

export interface Signer {
  id: string;
  signer_name: string;
  signer_email: string | null;
  signer_phone: string | null;
  signer_type: string;
  role: string;
  signing_order: number;
  status: string;
  is_current_turn: boolean;
  token_expires_at: string | null;
  viewed_at: string | null;
  signed_at: string | null;
  declined_at: string | null;
  decline_reason: string | null;
  signature_id: string | null;
}
export interface Signature {
  id: string;
  signature_number: string;
  signer_id: string;
  signature_type: string;
  signer_name: string;
  status: string;
  signed_at: string;
  revoked_at: string | null;
  hash_valid: boolean;
}
export interface SignatureRequest {
  id: string;
  request_number: string;
  template_id: string | null;
  entity_type: string;
  entity_id: string;
  title: string;
  description: string | null;
  status: RequestStatus;
  priority: string;
  signature_order: 'any' | 'sequential';
  expires_at: string | null;
  sent_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  completion_percentage: number;
  seal_status: string;
  documents: { document_id: string; sent_version: number; sent_sha256: string; current_version: number }[];
  signers: Signer[];
  signatures: Signature[];
  created_at: string;
}
export interface Template {
  id: string;
  template_name: string;
  template_code: string;
  entity_type: string;
  description: string | null;
  required_signatures_count: number;
  signature_order: 'any' | 'sequential';
  allow_drawn_signature: boolean;
  allow_typed_signature: boolean;
  allow_image_signature: boolean;
  allow_certificate_signature: boolean;
  signature_valid_days: number;
  request_expires_hours: number;
  reminder_hours: number | null;
  consent_text: string | null;
  is_active: boolean;
}
export type TemplateInput = Omit<Template, 'id'>;
export interface NewSigner {
  signer_name: string;
  signer_email?: string;
  signer_phone?: string;
  signer_type: string;
  role: string;
  signing_order: number;
}
export interface NewRequest {
  entity_type: string;
  entity_id: string;
  title: string;
  description?: string | null;
  template_id?: string | null;
  priority: string;
  signature_order: 'any' | 'sequential';
  language?: 'en' | 'zh-CN' | 'he';
  document_ids: string[];
  signers: (Omit<NewSigner, 'signer_email' | 'signer_phone'> & {
    signer_email: string | null;
    signer_phone: string | null;
  })[];
  /** Fields placed on the pages, per signer (index in `signers`), in percent of the page. */
  fields?: PlacedField[];
}
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
}
export interface SigningLink {
  signer_id: string;
  signer_name: string;
  signing_order: number;
  signing_url: string;
  expires_at: string;
}
export interface Constants {
  entity_types: string[];
  statuses: string[];
  signer_roles: string[];
  signer_types: string[];
  signature_types: string[];
  priorities: string[];
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
  templates: (q: TemplateQuery) => send<PageOf<Template>>('GET', `/templates${query(q)}`),
  createTemplate: (body: Partial<TemplateInput>) => send<Template>('POST', '/templates', body),
  updateTemplate: (id: string, body: Partial<TemplateInput>) =>
    send<Template>('PUT', `/templates/${encodeURIComponent(id)}`, body),
};
