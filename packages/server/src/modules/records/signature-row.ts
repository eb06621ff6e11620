import type { Actor } from '../../platform/actor.js';
import type { CeremonyOutcome } from './ceremony.service.js';
import type { PreparedManifestation } from './pades-manifestation.js';
import type { PolicyRow } from './policies.repository.js';
import type { SignatureManifest } from './signature-value.js';
import type { SignatureRow } from './signatures.repository.js';

/** The signature row of a prepared signature: the manifest's fields, its sealed value, the server's IP and agent. */
export function signatureRow(
  sealed: string,
  actor: Actor,
  input: {
    manifest: SignatureManifest;
    outcome: CeremonyOutcome;
    policy: PolicyRow;
    pades: PreparedManifestation | null;
  },
): SignatureRow {
  const { manifest, outcome, policy, pades } = input;
  return {
    id: manifest.signature_id,
    user_id: manifest.user_id,
    resource_id: manifest.resource_id,
    resource_type: manifest.resource_type,
    operation_type: manifest.operation_type,
    record_version: manifest.record_version,
    record_sha256: manifest.record_sha256,
    policy_id: policy.id,
    signature_type: `${policy.signature_level}:${outcome.factors.join('+')}`,
    signature_value: sealed,
    signature_mean: manifest.signature_mean,
    reason: manifest.reason,
    signer_name: manifest.signer_name,
    signing_session_id: outcome.session.id,
    timestamp: manifest.timestamp,
    ip_address: actor.ip ?? 'unknown',
    user_agent: actor.userAgent,
    verification_status: 'valid',
    pades_document_version: null,
    pades_sha256: pades?.staged.sha256 ?? null,
    pades_field_name: pades?.fieldName ?? null,
    pades_time_zone: pades?.timeZone ?? null,
    pades_level: pades?.level ?? null,
    created_at: manifest.timestamp,
    updated_at: manifest.timestamp,
  };
}
