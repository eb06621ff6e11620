/**
 * The public signing API (`/api/v1/digital-signature/`, seed 004's paths and field names)
 * with plain fetch: no token, no admin client. The signer is identified by the link token
 * alone; it travels in the path of each call, never in a query string a proxy might log.
 */
export const base = '/api/v1/digital-signature';

export type FieldType = 'signature' | 'initials' | 'name' | 'date' | 'text' | 'checkbox' | 'dropdown';
export type SignatureType = 'drawn' | 'typed' | 'image' | 'certificate';

/** A field placed by the sender, in percent of its page (0–100, origin top-left). */
export interface SigningField {
  id: string;
  field_type: FieldType;
  document_id?: string | null;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  required: boolean;
  label?: string | null;
  options?: string[] | null;
  value?: string | null;
}

export interface SigningDocument {
  id: string;
  title: string;
  /** Where the PDF of this document (as sent for signing) is fetched with the same token. */
  content_url: string;
  sha256?: string;
}

/** `GET signing-page/{token}`: what the signer sees. */
export interface SigningPage {
  request: {
    id: string;
    request_number: string;
    title: string;
    description?: string | null;
    entity_type: string;
    status: string;
    expires_at?: string | null;
    requested_by_name?: string | null;
  };
  signer: {
    id: string;
    signer_name: string;
    signer_email?: string | null;
    signer_type: string;
    signing_order: number;
    status: string;
  };
  documents: SigningDocument[];
  fields: SigningField[];
  consent_text?: string | null;
  allow_drawn_signature: boolean;
  allow_typed_signature: boolean;
  allow_image_signature: boolean;
  /** False while earlier signers in a sequential order have not signed. */
  is_my_turn?: boolean;
}

/** The mark the signer made, as `POST sign` takes it. */
export interface SignatureMark {
  signature_type: SignatureType;
  /** A PNG (or JPEG for uploads) data URL. */
  signature_data: string;
  /** Drawn marks: the strokes, points in 0–1 of the pad, for the evidence file. */
  strokes?: { x: number; y: number; t: number }[][];
  /** Typed marks: the text typed. */
  typed_text?: string;
}

export interface SignResult {
  signature_number: string;
  signature_id?: string;
  request_status?: string;
}

export interface VerifyResult {
  valid: boolean;
  signature_number: string;
  signer_name?: string;
  signed_at?: string;
  signature_type?: SignatureType;
  entity_type?: string;
  reason?: string;
  reason_he?: string;
  reason_zh?: string;
}

/** A refused call: HTTP status, API code and message of the error envelope. */
export class SignApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/${path}`, {
    ...init,
    headers: { accept: 'application/json', ...init.headers },
  });
  const body = (await response.json().catch(() => null)) as {
    code?: number;
    message?: string;
    data?: unknown;
  } | null;
  if (!response.ok)
    throw new SignApiError(response.status, body?.code ?? 0, body?.message ?? response.statusText);
  // The platform's envelope ({code, data}); a bare body is taken as is.
  return (body && 'data' in body && 'code' in body ? body.data : body) as T;
}

const json = (payload: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
});

export const signApi = {
  page: (token: string) => request<SigningPage>(`signing-page/${encodeURIComponent(token)}`),
  async pdf(url: string): Promise<ArrayBuffer> {
    const response = await fetch(url);
    if (!response.ok) throw new SignApiError(response.status, 0, response.statusText);
    return response.arrayBuffer();
  },
  sign: (
    token: string,
    page: SigningPage,
    mark: SignatureMark,
    fields: { id: string; value: string }[],
    consentText: string,
    locale: string,
  ) =>
    request<SignResult>(
      'sign',
      json({
        token,
        request_id: page.request.id,
        signer_id: page.signer.id,
        signer_name: page.signer.signer_name,
        signer_email: page.signer.signer_email ?? undefined,
        ...mark,
        fields,
        consent_given: true,
        consent_text: consentText,
        locale,
      }),
    ),
  decline: (token: string, reason: string) =>
    request<unknown>(`signing-page/${encodeURIComponent(token)}/decline`, json({ reason })),
  verify: (number: string, locale: string) =>
    request<VerifyResult>(`verify/${encodeURIComponent(number)}`, { headers: { 'accept-language': locale } }),
};
