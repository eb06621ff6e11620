import type { AuthLogRow } from './ceremony.repository.js';
import type { SignatureRow } from './signatures.repository.js';
import type { Verification } from './verification.service.js';

/** Rows in, responses out (the sealed value never leaves the server). */
export function presentSignature(row: SignatureRow) {
  return {
    signature_id: row.id,
    user_id: row.user_id,
    signer_name: row.signer_name,
    resource_id: row.resource_id,
    resource_type: row.resource_type,
    operation_type: row.operation_type,
    record_version: row.record_version,
    record_sha256: row.record_sha256,
    policy_id: row.policy_id,
    signature_type: row.signature_type,
    signature_mean: row.signature_mean,
    reason: row.reason,
    timestamp: row.timestamp,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    verification_status: row.verification_status,
    pades_document_version: row.pades_document_version,
    pades_sha256: row.pades_sha256,
    pades_time_zone: row.pades_time_zone,
    pades_level: row.pades_level,
  };
}

export function presentAttempt(row: AuthLogRow) {
  return {
    log_id: row.id,
    authentication_method: row.authentication_method,
    authentication_result: row.authentication_result,
    attempt_time: row.attempt_time,
    ip_address: row.ip_address,
    failure_reason: row.failure_reason,
  };
}

export function presentVerification(v: Verification) {
  return {
    valid: v.isValid,
    problems: v.problems,
    covers_current_version: v.coversCurrentVersion,
    audit_events_verified: v.auditEventsVerified,
    pades_checks: v.padesChecks,
    signed: v.manifest
      ? {
          signer_name: v.manifest.signer_name,
          signature_mean: v.manifest.signature_mean,
          timestamp: v.manifest.timestamp,
          record_sha256: v.manifest.record_sha256,
        }
      : null,
  };
}
