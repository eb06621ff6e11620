import { decodeJson } from '../../platform/db/json-codec.js';
import { isRecordHashValid } from './record-hash.js';
import type { RequestDocumentRow, RequestRow, SignerRow } from './requests.repository.js';
import type { SignatureRow } from './signatures.repository.js';
import { completionPercentage, currentTurn } from './signing.policy.js';
import type { SignatureType } from './signing.tables.js';
import type { TemplateRow } from './templates.repository.js';

/** Rows in, responses out (seed 004 field names). No I/O. */
export function presentTemplate(row: TemplateRow) {
  return {
    ...row,
    allow_drawn_signature: row.allow_drawn_signature === 1,
    allow_typed_signature: row.allow_typed_signature === 1,
    allow_image_signature: row.allow_image_signature === 1,
    allow_certificate_signature: row.allow_certificate_signature === 1,
    is_active: row.is_active === 1,
  };
}

export function presentSigner(row: SignerRow, turn: ReadonlySet<string>, isOpen: boolean) {
  return {
    id: row.id,
    request_id: row.request_id,
    signer_name: row.signer_name,
    signer_email: row.signer_email,
    signer_phone: row.signer_phone,
    signer_type: row.signer_type,
    role: row.role,
    signing_order: row.signing_order,
    user_id: row.user_id,
    status: row.status,
    signing_group: row.signing_group,
    assists_signer_id: row.assists_signer_id,
    is_current_turn: isOpen && turn.has(row.id),
    token_expires_at: row.token_expires_at,
    viewed_at: row.viewed_at,
    signed_at: row.signed_at,
    declined_at: row.declined_at,
    decline_reason: row.decline_reason,
    signature_id: row.signature_id,
  };
}

export function presentSignature(row: SignatureRow) {
  return {
    id: row.id,
    signature_number: row.signature_number,
    request_id: row.request_id,
    signer_id: row.signer_id,
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    signature_type: row.signature_type,
    signer_name: row.signer_name,
    signer_email: row.signer_email,
    signer_type: row.signer_type,
    status: row.status,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    consent_given: row.consent_given === 1,
    consent_text: row.consent_text,
    signature_hash: row.signature_hash,
    document_hash: row.document_hash,
    hash_valid: isRecordHashValid(row),
    certificate_serial: row.certificate_serial,
    certificate_subject: row.certificate_subject,
    documents: decodeJson<{ document_id: string; version: number; sha256: string }[]>(row.documents) ?? [],
    signed_at: row.signed_at,
    valid_until: row.valid_until,
    revoked_at: row.revoked_at,
    revoke_reason: row.revoke_reason,
  };
}

/** A request with what belongs to it, all read beforehand (RequestBundle). */
export interface RequestBundle {
  request: RequestRow;
  documents: RequestDocumentRow[];
  signers: SignerRow[];
  signatures: SignatureRow[];
}

export const isOpenStatus = (status: string): boolean => status === 'sent' || status === 'partially_signed';

export function presentRequest(bundle: RequestBundle, now: Date) {
  const { request: r } = bundle;
  const expired = r.expires_at !== null && r.expires_at <= now.toISOString() && isOpenStatus(r.status);
  const open = isOpenStatus(r.status) && !expired;
  const turn = currentTurn(r.signature_order, bundle.signers);
  return {
    id: r.id,
    request_number: r.request_number,
    template_id: r.template_id,
    entity_type: r.entity_type,
    entity_id: r.entity_id,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    customer_id: r.customer_id,
    requested_by: r.requested_by,
    signature_order: r.signature_order,
    required_signatures_count: r.required_signatures_count,
    allowed_signature_types: decodeJson<SignatureType[]>(r.allowed_types) ?? [],
    consent_text: r.consent_text,
    language: r.language,
    expires_at: r.expires_at,
    sent_at: r.sent_at,
    completed_at: r.completed_at,
    cancelled_at: r.cancelled_at,
    cancel_reason: r.cancel_reason,
    is_expired: r.status === 'expired' || expired,
    completion_percentage: completionPercentage(bundle.signers),
    seal_status: r.seal_status,
    documents: bundle.documents.map((d) => ({
      document_id: d.document_id,
      position: d.position,
      sent_version: d.sent_version,
      sent_sha256: d.sent_sha256,
      current_version: d.current_version,
      current_sha256: d.current_sha256,
    })),
    signers: bundle.signers.map((s) => presentSigner(s, turn, open)),
    signatures: bundle.signatures.map(presentSignature),
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}
