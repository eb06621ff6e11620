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

/** A document of the request: `url` serves its current PDF for the same token. */
export interface SigningDocument {
  document_id: string;
  version: number;
  sha256: string;
  url: string;
}

/**
 * `GET signing-page/{token}` (the signing module's signingPageView). `fields` is the
 * sender's placement when the server provides it; without fields the signer adds one
 * signature, which the server places.
 */
export interface SigningPage {
  request: {
    request_number: string;
    title: string;
    description: string | null;
    entity_type: string;
    status: string;
    language: string;
    expires_at: string | null;
    allowed_signature_types: SignatureType[];
    consent_text: string;
    requested_by_name?: string | null;
  };
  signer: {
    id: string;
    signer_name: string;
    signer_email: string | null;
    signer_type: string;
    role: string;
    signing_order: number;
    status: string;
    /** False while earlier signers (lower signing_order) have not signed: order is enforced. */
    is_current_turn: boolean;
  };
  documents: SigningDocument[];
  fields?: SigningField[];
}

/** The mark the signer made: what `POST sign` takes, plus a picture for the page. */
export interface SignatureMark {
  signature_type: SignatureType;
  /** Drawn and image marks: a PNG data URL; typed marks: the name typed (the server draws it). */
  signature_data: string;
  /** Drawn marks: strokes as [x, y, t] points (x, y in 0–1 of the pad, t in ms). */
  signature_strokes?: number[][][];
  /** What the page shows in the signature fields (a PNG data URL). */
  preview: string;
}

/** `POST sign` answers the signature and the request after it. */
export interface SignResult {
  signature: { id: string; signature_number: string; signed_at: string };
  request: { status: string; completion_percentage: number };
}

export interface VerifyResult {
  valid: boolean;
  signature_number: string;
  signer_name?: string;
  signed_at?: string;
  signature_type?: SignatureType | string;
  entity_type?: string;
  status?: string;
  reason?: string;
  reason_code?: string;
  reason_he?: string;
  reason_zh?: string;
  reason_en?: string;
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

/**
 * The second factor's proof (when the request asks for one): sent as X-Signing-Factor with
 * every call of this link. Kept for the tab only (sessionStorage), never in the URL.
 */
let factorProof = '';
export function setFactorProof(token: string, proof: string): void {
  factorProof = proof;
  try {
    sessionStorage.setItem(`signx-factor:${token.slice(0, 16)}`, proof);
  } catch {
    // storage refused (private mode): the proof lives for this page only
  }
}
export function restoreFactorProof(token: string): void {
  try {
    factorProof = sessionStorage.getItem(`signx-factor:${token.slice(0, 16)}`) ?? '';
  } catch {
    factorProof = '';
  }
}
const factorHeader = (): Record<string, string> => (factorProof ? { 'x-signing-factor': factorProof } : {});

/** `GET signing-page/{token}/factor`: what the code step needs, nothing of the document. */
export interface FactorStatus {
  required: boolean;
  factor: 'none' | 'email_code' | 'sms_code' | 'access_code';
  passed: boolean;
  destination: string | null;
  locked_until: string | null;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/${path}`, {
    ...init,
    headers: { accept: 'application/json', ...factorHeader(), ...init.headers },
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
    const response = await fetch(url, { headers: factorHeader() });
    if (!response.ok) throw new SignApiError(response.status, 0, response.statusText);
    return response.arrayBuffer();
  },
  /** Seed 004's sign body, with the link token; only the fields the server's schema knows. */
  sign: (
    token: string,
    page: SigningPage,
    mark: SignatureMark,
    fields: { id: string; value: string }[],
    consentText: string,
    certificate?: { p12: string; password: string } | null,
    /** The signer's own box when the sender placed no field (page percent). */
    placement?: {
      document_id?: string | null;
      page: number;
      x: number;
      y: number;
      width: number;
      height: number;
    },
  ) =>
    request<SignResult>(
      'sign',
      json({
        token,
        signer_id: page.signer.id,
        signer_name: page.signer.signer_name,
        signature_type: mark.signature_type,
        signature_data: mark.signature_data,
        ...(mark.signature_strokes ? { signature_strokes: mark.signature_strokes } : {}),
        // The signer's own certificate: the mark stays the appearance, the file signs.
        ...(certificate
          ? {
              signature_type: 'certificate',
              certificate_p12: certificate.p12,
              certificate_password: certificate.password,
            }
          : {}),
        ...(fields.length > 0 ? { fields } : {}),
        ...(placement
          ? {
              signature_placement: {
                ...(placement.document_id ? { document_id: placement.document_id } : {}),
                page: placement.page,
                x: placement.x,
                y: placement.y,
                width: placement.width,
                height: placement.height,
              },
            }
          : {}),
        consent_given: true,
        consent_text: consentText,
      }),
    ),
  /** The second factor: status, send a code (email/SMS), check a code (answers the proof). */
  factor: (token: string) => request<FactorStatus>(`signing-page/${encodeURIComponent(token)}/factor`),
  sendCode: (token: string) =>
    request<{ destination: string; resend_after: string }>(
      `signing-page/${encodeURIComponent(token)}/factor/send`,
      { method: 'POST' },
    ),
  verifyCode: (token: string, code: string) =>
    request<{ factor_proof: string }>(
      `signing-page/${encodeURIComponent(token)}/factor/verify`,
      json({ code }),
    ),
  /** An assistant's values for the signer it assists (that signer's turn comes next). */
  fill: (token: string, fields: { id: string; value: string }[]) =>
    request<unknown>('fill', json({ token, fields })),
  /** Declining (the request becomes rejected); the reason is shown to the sender. */
  decline: (token: string, reason: string) => request<unknown>('decline', json({ token, reason })),
  /** The seed's answer; a refusal that still carries it (an unknown number) is an answer too. */
  async verify(number: string, locale: string): Promise<VerifyResult> {
    const response = await fetch(`${base}/verify/${encodeURIComponent(number)}`, {
      headers: { accept: 'application/json', 'accept-language': locale },
    });
    const body = (await response.json().catch(() => null)) as
      | (VerifyResult & { code?: number; message?: string; data?: VerifyResult })
      | null;
    const result = body?.data ?? body;
    if (result && typeof result.valid === 'boolean') return result;
    throw new SignApiError(response.status, body?.code ?? 0, body?.message ?? response.statusText);
  },
};
