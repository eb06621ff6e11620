import type { Actor } from '../../../platform/actor.js';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { domainError } from '../../../platform/errors.js';
import { type AuditBundle, auditEvidence, verifyBundle, verifySeal } from '../../audit/index.js';
import { DEFAULT_CONSENT, getBundle } from '../requests.service.js';
import type { SigningDeps } from '../signing.deps.js';
import type { RequestBundle } from '../signing.presenter.js';
import { verificationErrors } from '../verification/verification.errors.js';

export const EVIDENCE_FORMAT = 'signx-signing-evidence/1';

interface VersionRef {
  document_id: string;
  version: number;
  sha256: string;
}

/** One event of the audit log about this request, as the evidence lists it (proved in `audit`). */
export interface EvidenceEvent {
  seq: number;
  action: string;
  occurred_at: string;
  actor: string;
  ip: string | null;
  user_agent: string | null;
}

/** The statement of an evidence file: every fact, sealed; `audit` proves each event offline. */
export interface EvidenceStatement extends Record<string, unknown> {
  format: typeof EVIDENCE_FORMAT;
  generated_at: string;
  request: Record<string, unknown>;
  documents: {
    document_id: string;
    sent: { version: number; sha256: string };
    final: { version: number; sha256: string };
    /** Each step that produced a version: who, and the SHA-256 before and after. */
    history: { by: string; signature_number: string | null; before: string; after: VersionRef }[];
  }[];
  signers: {
    signer_id: string;
    signer_name: string;
    signer_email: string | null;
    signer_type: string;
    role: string;
    signing_order: number;
    status: string;
    signature: Record<string, unknown> | null;
    events: EvidenceEvent[];
  }[];
  request_events: EvidenceEvent[];
}

export interface EvidenceFile {
  statement: EvidenceStatement;
  /** Ed25519 over the RFC 8785 form of `statement`, with the audit checkpoint key. */
  seal: { algorithm: 'Ed25519'; key_id: string; spki_base64: string; signature: string };
  /** signx-audit-bundle/2 of every event on this request: `signx audit verify-bundle`. */
  audit: AuditBundle;
}

function eventOf(e: AuditBundle['events'][number]): EvidenceEvent {
  return {
    seq: e.seq,
    action: e.action ?? '',
    occurred_at: e.occurred_at ?? '',
    actor: e.actor_name ?? '',
    ip: e.ip,
    user_agent: e.user_agent,
  };
}

const detailsOf = (e: AuditBundle['events'][number]) =>
  (typeof e.details === 'string' ? decodeJson<Record<string, unknown>>(e.details) : null) ?? {};

/** Document hashes before and after each signature and the seal, from the request's own records. */
export function documentHistory(bundle: RequestBundle): EvidenceStatement['documents'] {
  return bundle.documents.map((d) => {
    let before = d.sent_sha256;
    const history: EvidenceStatement['documents'][number]['history'] = [];
    for (const s of bundle.signatures) {
      const made = (decodeJson<VersionRef[]>(s.documents) ?? []).find((v) => v.document_id === d.document_id);
      if (!made) continue;
      history.push({ by: s.signer_name, signature_number: s.signature_number, before, after: made });
      before = made.sha256;
    }
    if (d.current_sha256 !== before)
      history.push({
        by: 'SignX platform seal (PAdES B-LTA)',
        signature_number: null,
        before,
        after: { document_id: d.document_id, version: d.current_version, sha256: d.current_sha256 },
      });
    return {
      document_id: d.document_id,
      sent: { version: d.sent_version, sha256: d.sent_sha256 },
      final: { version: d.current_version, sha256: d.current_sha256 },
      history,
    };
  });
}

/** The request must be completed: evidence of an open request would be overtaken by events. */
export async function completedBundle(deps: SigningDeps, requestId: string): Promise<RequestBundle> {
  const bundle = await getBundle(deps.db, requestId);
  if (bundle.request.status !== 'completed')
    throw domainError(
      verificationErrors.REQUEST_NOT_COMPLETED,
      `Request ${bundle.request.request_number} is ${bundle.request.status}, not completed`,
    );
  return bundle;
}

/**
 * The machine-readable evidence of a completed request: the request, each document's
 * SHA-256 before and after every signature, each signer's events (IP, user agent), the
 * signature facts (consent text, certificate), sealed; and the audit bundle proving every
 * event's inclusion in the signed log. Verifiable offline with `verifyEvidence`.
 */
export async function buildEvidence(
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
): Promise<EvidenceFile> {
  const bundle = await completedBundle(deps, requestId);
  const { request } = bundle;
  const audit = await auditEvidence.entityBundle(
    deps.ctx,
    { entityType: 'signature_request', entityId: request.id },
    actor,
  );
  const bySigner = new Map<string, EvidenceEvent[]>();
  const requestEvents: EvidenceEvent[] = [];
  for (const e of audit.events) {
    const signerId = detailsOf(e).signer_id;
    if (typeof signerId !== 'string') {
      requestEvents.push(eventOf(e));
      continue;
    }
    bySigner.set(signerId, [...(bySigner.get(signerId) ?? []), eventOf(e)]);
  }
  const statement: EvidenceStatement = {
    format: EVIDENCE_FORMAT,
    generated_at: deps.clock.now().toISOString(),
    request: {
      id: request.id,
      request_number: request.request_number,
      title: request.title,
      entity_type: request.entity_type,
      entity_id: request.entity_id,
      status: request.status,
      language: request.language,
      created_at: request.created_at,
      sent_at: request.sent_at,
      completed_at: request.completed_at,
      sealed_at: request.sealed_at,
    },
    documents: documentHistory(bundle),
    signers: bundle.signers.map((s) => {
      const sig = bundle.signatures.find((x) => x.signer_id === s.id);
      return {
        signer_id: s.id,
        signer_name: s.signer_name,
        signer_email: s.signer_email,
        signer_type: s.signer_type,
        role: s.role,
        signing_order: s.signing_order,
        status: s.status,
        signature: sig
          ? {
              signature_number: sig.signature_number,
              signature_type: sig.signature_type,
              signed_at: sig.signed_at,
              ip_address: sig.ip_address,
              user_agent: sig.user_agent,
              consent_given: sig.consent_given === 1,
              consent_text: sig.consent_text ?? DEFAULT_CONSENT,
              certificate_serial: sig.certificate_serial,
              certificate_subject: sig.certificate_subject,
              document_hash: sig.document_hash,
              signature_hash: sig.signature_hash,
              status: sig.status,
              revoked_at: sig.revoked_at,
            }
          : null,
        events: bySigner.get(s.id) ?? [],
      };
    }),
    request_events: requestEvents,
  };
  return { statement, seal: auditEvidence.seal(deps.ctx, statement), audit };
}

export interface EvidenceReport {
  isValid: boolean;
  keyId: string;
  problems: string[];
}

/**
 * Offline check of an evidence file (no database, no network): the audit bundle verifies
 * (inclusion proofs, signed checkpoint and selection), the statement's seal verifies with the
 * same key, and every event the statement lists is in the bundle with the same time, IP and
 * user agent.
 */
export function verifyEvidence(file: EvidenceFile, trustedKeyId?: string): EvidenceReport {
  const audit = verifyBundle(file.audit, trustedKeyId);
  const problems = [...audit.problems];
  if (file.statement?.format !== EVIDENCE_FORMAT) problems.push(`unknown format ${file.statement?.format}`);
  if (file.seal?.key_id !== audit.keyId)
    problems.push('the statement is sealed with another key than the audit bundle');
  if (!verifySeal(file.statement, file.seal)) problems.push('the statement’s seal does not verify (altered)');
  const proved = new Map(file.audit.events.map((e) => [e.seq, eventOf(e)]));
  const listed = [
    ...(file.statement?.request_events ?? []),
    ...(file.statement?.signers ?? []).flatMap((s) => s.events),
  ];
  for (const e of listed) {
    const p = proved.get(e.seq);
    if (!p || JSON.stringify(p) !== JSON.stringify(e))
      problems.push(`event ${e.seq} differs from the audit log`);
  }
  return { isValid: problems.length === 0, keyId: audit.keyId, problems };
}
