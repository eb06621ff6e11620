import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Trx } from '../../platform/db/schema.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { conflict, domainError, invalid } from '../../platform/errors.js';
import { signingFactors } from '../identity/index.js';
import { analyseSuccess, assertTimeAndPlace } from './behaviour.service.js';
import * as ceremonyStore from './ceremony.repository.js';
import { assertOwnSigner, type CeremonyOutcome, type Credentials, runCeremony } from './ceremony.service.js';
import { type RecordVersion, signableOperation } from './operations.js';
import { requiredLevel } from './pades-level.js';
import {
  fileManifestation,
  type PreparedManifestation,
  prepareManifestation,
} from './pades-manifestation.js';
import type { PolicyRow } from './policies.repository.js';
import { policyInForce } from './policies.service.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import { signatureRow } from './signature-row.js';
import { type SignatureManifest, sealManifestHashed } from './signature-value.js';
import * as signatures from './signatures.repository.js';

/**
 * Executes an electronic signature (seed 002 §5.3.1): the policy in force is evaluated on
 * the server (meaning from its list, reason when required, cooling period), the exact record
 * version is resolved and hashed by its module where it registered a resolver, the ceremony
 * runs (ceremony.service.ts), and the signature row (sealed value), the authentication log
 * row and the audit event commit together. Time, IP and user agent are the server's.
 */
export interface SignInput {
  userId: string;
  resourceId: string;
  resourceType: string;
  operationType: string;
  signatureMean?: string | undefined;
  reason?: string | null | undefined;
  recordVersion?: string | undefined;
  recordHash?: string | undefined;
  sessionId?: string | null | undefined;
  credentials: Credentials;
  /** Language of the PDF appearance's captions (en, zh-CN, he); default en. */
  language?: string | undefined;
}

export interface Signed {
  row: signatures.SignatureRow;
  sessionId: string;
  isFullCeremony: boolean;
}

export async function createSignature(deps: RecordsDeps, actor: Actor, input: SignInput): Promise<Signed> {
  if (signableOperation(input.resourceType, input.operationType)?.signedThroughModule)
    throw invalid(
      'operationType',
      `${input.resourceType}/${input.operationType} is signed through its module (it binds the signed file)`,
    );
  const pending = await prepareRecordsSignature(deps, actor, input);
  await inTransaction(deps.db, (trx) => commitRecordsSignature(trx, deps, actor, pending));
  return { row: pending.row, sessionId: pending.outcome.session.id, isFullCeremony: pending.outcome.isFull };
}

/** A signature whose ceremony succeeded, not yet written: `commitRecordsSignature` writes it. */
export interface PendingSignature {
  row: signatures.SignatureRow;
  manifest: SignatureManifest;
  /** SHA-256 of the manifest's canonical form, as sealed into the value (for the audit event). */
  manifestSha256: string;
  outcome: CeremonyOutcome;
  username: string;
  /** The signed PDF staged for a document version (§11.50 manifestation), else null. */
  pades: PreparedManifestation | null;
}

/**
 * Policy, intent, time and place, record and ceremony, outside any transaction (the secret
 * verifier runs its own). Another module that signs in its own transaction (the signing
 * module's Part 11 signatures) commits the result there with `commitRecordsSignature`.
 */
export async function prepareRecordsSignature(
  deps: RecordsDeps,
  actor: Actor,
  input: SignInput,
): Promise<PendingSignature> {
  await assertOwnSigner(deps, actor, input.userId);
  const policy = await policyInForce(deps.db, input.resourceType, input.operationType);
  const meaning = checkIntent(policy, input);
  await assertTimeAndPlace(deps, actor, input.userId, policy);
  const record = await resolveRecord(deps, input);
  await signableOperation(input.resourceType, input.operationType)?.assertSigner?.(
    deps.db,
    deps.ctx,
    actor,
    input.resourceId,
  );
  await checkCoolingPeriod(deps, policy, input);
  const signer = await signingFactors.signer(deps.ctx, input.userId);
  const outcome = await runCeremony(deps, actor, {
    userId: input.userId,
    credentials: input.credentials,
    sessionId: input.sessionId,
    rule: policy,
    signer,
  });
  const now = deps.clock.now().toISOString();
  const id = newId();
  const manifest: SignatureManifest = {
    signature_id: id,
    user_id: input.userId,
    signer_name: signer?.fullName ?? input.userId,
    resource_type: input.resourceType,
    resource_id: input.resourceId,
    operation_type: input.operationType,
    record_version: record.version,
    record_sha256: record.sha256,
    signature_mean: meaning,
    reason: input.reason?.trim() || null,
    timestamp: now,
    policy_id: policy.id,
    factors: outcome.factors,
  };
  const pades = await prepareManifestation(deps, manifest, {
    timeZone: policy.time_zone,
    language: input.language ?? 'en',
    level: requiredLevel(policy.pades_level),
  });
  if (pades) {
    manifest.pades_sha256 = pades.staged.sha256;
    manifest.pades_level = pades.level;
  }
  const sealed = sealManifestHashed(deps, manifest);
  const row = signatureRow(sealed.value, actor, { manifest, outcome, policy, pades });
  return {
    row,
    manifest,
    manifestSha256: sealed.sha256,
    outcome,
    username: signer?.username ?? input.userId,
    pades,
  };
}

/** Writes a prepared signature in the caller's transaction: session use, row, log, audit. */
export async function commitRecordsSignature(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  { row, manifest, manifestSha256, outcome, username, pades }: PendingSignature,
): Promise<void> {
  const now = manifest.timestamp;
  const id = manifest.signature_id;
  // A new session is written with this signature counted; a live one counts it by
  // compare-and-set (another signature in between, or its end, refuses this one).
  if (outcome.isNew)
    await ceremonyStore.insertSession(trx, {
      ...outcome.session,
      signatures: outcome.session.signatures + 1,
      last_used_at: now,
    });
  else if (
    !(await ceremonyStore.useSession(trx, outcome.session.id, {
      seen: outcome.session.signatures,
      at: now,
    }))
  )
    throw conflict('The signing session was used by another signature meanwhile; sign again');
  if (pades)
    row.pades_document_version = (
      await fileManifestation(trx, deps, actor, { prepared: pades, manifest })
    ).version;
  await signatures.insertSignature(trx, row);
  await analyseSuccess(trx, deps, actor, {
    userId: manifest.user_id,
    username,
    now: deps.clock.now(),
  });
  await ceremonyStore.insertAuthLog(trx, {
    id: newId(),
    user_id: manifest.user_id,
    signature_id: id,
    signing_session_id: outcome.session.id,
    authentication_method: outcome.isFull ? `full:${outcome.factors.join('+')}` : outcome.factors.join('+'),
    authentication_result: 'success',
    attempt_time: now,
    ip_address: row.ip_address,
    user_agent: row.user_agent,
    failure_reason: null,
  });
  // The session's opening (a full ceremony) and the signature: one append to the audit chain.
  await deps.audit.recordAll(trx, actor, [
    ...(outcome.isNew
      ? [
          {
            type: 'records.session.opened' as const,
            entityId: outcome.session.id,
            payload: { factors: outcome.factors },
          },
        ]
      : []),
    {
      type: 'records.signature.created' as const,
      entityId: id,
      payload: {
        resource_type: manifest.resource_type,
        resource_id: manifest.resource_id,
        record_version: manifest.record_version,
        record_sha256: manifest.record_sha256,
        signature_mean: manifest.signature_mean,
        reason: manifest.reason,
        signer_name: manifest.signer_name,
        timestamp: manifest.timestamp,
        manifest_sha256: manifestSha256,
        pades_sha256: row.pades_sha256,
        ...(row.pades_level ? { pades_level: row.pades_level } : {}),
        pades_document_version: row.pades_document_version,
      },
      ...(manifest.reason ? { reason: manifest.reason } : {}),
    },
  ]);
  await signableOperation(manifest.resource_type, manifest.operation_type)?.onSigned?.(trx, deps.ctx, actor, {
    signatureId: id,
    userId: manifest.user_id,
    resourceId: manifest.resource_id,
    timestamp: now,
    meaning: manifest.signature_mean,
  });
}

/** The meaning must be one the policy lists; a reason when the policy requires one. */
export function checkIntent(policy: PolicyRow, input: Pick<SignInput, 'signatureMean' | 'reason'>): string {
  const meaning = input.signatureMean?.trim() ?? '';
  const allowed = JSON.parse(policy.allowed_meanings) as string[];
  if (!meaning)
    throw domainError(
      recordsErrors.MEANING_NOT_ALLOWED,
      `Choose the meaning of the signature: ${allowed.join(', ')}`,
    );
  if (!allowed.includes(meaning))
    throw domainError(
      recordsErrors.MEANING_NOT_ALLOWED,
      `"${meaning}" is not allowed here: ${allowed.join(', ')}`,
    );
  if (policy.require_reason === 1 && !input.reason?.trim())
    throw domainError(recordsErrors.REASON_REQUIRED, 'This signature needs a reason');
  return meaning;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

/** The exact version signed: from its module when registered, else as the caller states it. */
async function resolveRecord(deps: RecordsDeps, input: SignInput): Promise<RecordVersion> {
  const operation = signableOperation(input.resourceType, input.operationType);
  if (operation?.currentRecord) {
    const current = await operation.currentRecord(deps.db, deps.ctx, input.resourceId);
    if (
      (input.recordVersion !== undefined && input.recordVersion !== current.version) ||
      (input.recordHash !== undefined && input.recordHash.toLowerCase() !== current.sha256)
    )
      throw domainError(
        recordsErrors.RECORD_CHANGED,
        'The record changed since you opened it; review it again',
      );
    return current;
  }
  if (!input.recordVersion) throw invalid('recordVersion', 'State the version of the record you sign');
  if (!input.recordHash || !sha256Pattern.test(input.recordHash.toLowerCase()))
    throw invalid('recordHash', 'State the SHA-256 (hex) of the record version you sign');
  return { version: input.recordVersion, sha256: input.recordHash.toLowerCase() };
}

async function checkCoolingPeriod(deps: RecordsDeps, policy: PolicyRow, input: SignInput): Promise<void> {
  if (!policy.cooling_period) return;
  const last = await signatures.latestSignature(deps.db, input);
  if (!last) return;
  const waited = (deps.clock.now().getTime() - new Date(last.timestamp).getTime()) / 1000;
  if (waited < policy.cooling_period)
    throw domainError(
      recordsErrors.COOLING_PERIOD,
      `You signed this ${Math.floor(waited)} s ago; the policy asks for ${policy.cooling_period} s between signatures`,
    );
}
