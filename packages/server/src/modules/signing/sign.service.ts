import { toPem } from '@signx/pades';
import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/actor.js';
import { nextHumanNumber } from '../../platform/db/counters.js';
import { newId } from '../../platform/db/ids.js';
import { decodeJson, encodeJson } from '../../platform/db/json-codec.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError } from '../../platform/errors.js';
import { documents, type StagedContent } from '../documents/index.js';
import { notifyNextTurn } from './alerts/turn.service.js';
import { placementFor } from './field-stamps.js';
import { type FilledField, fillFields } from './field-values.js';
import { fieldErrors } from './fields.errors.js';
import { fieldsFor } from './fields.service.js';
import { closeGroupOf, freePlacement, recordFills } from './fill.service.js';
import { refuseLinkUnderPart11 } from './part11-signing.js';
import { signForSigner } from './pdf-signing.js';
import type { signBody } from './public.schemas.js';
import { combinedDocumentHash, recordHash } from './record-hash.js';
import { assertSignerCertificate, signerAppearance, signerSigningPlan } from './request-profile.js';
import * as repo from './requests.repository.js';
import { DEFAULT_CONSENT } from './requests.service.js';
import { parseSignatureMark, type SignatureMark } from './signature-input.js';
import type { SignatureRow } from './signatures.repository.js';
import { insertSignature } from './signatures.repository.js';
import { signerFor } from './signer-certificate.js';
import { tellSignerOutcome } from './signer-outcomes.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import { sealJob } from './signing.jobs.js';
import { outstanding } from './signing.policy.js';
import { requestLifecycle } from './signing.state.js';
import type { SignatureType } from './signing.tables.js';
import { accessFor, requireTurn, type SignerAccess } from './signing-link.service.js';

export type SignInput = Static<typeof signBody>;

/** A signature made on the documents but not yet recorded: the slow part, done outside a transaction. */
export interface PreparedSignature {
  access: SignerAccess;
  signedAt: Date;
  serial: string;
  subject: string;
  certificatePem: string;
  versions: { row: repo.RequestDocumentRow; staged: StagedContent }[];
  /** The signer's fields with the values this signature records (placed fields, issue 15). */
  filled: FilledField[];
  /** The signature meaning (the request's signing profile's; default approval). */
  meaning: string;
}

/** Checks the input against the request (types, consent, names) and turns it into a mark. */
export function checkSignInput(access: SignerAccess, input: SignInput): SignatureMark {
  const { request } = access.bundle;
  if (input.request_id !== undefined && String(input.request_id) !== request.id)
    throw domainError(signingErrors.LINK_INVALID, 'request_id does not match the signing link');
  if (input.signer_id !== undefined && String(input.signer_id) !== access.signer.id)
    throw domainError(signingErrors.LINK_INVALID, 'signer_id does not match the signing link');
  if (!input.consent_given)
    throw domainError(signingErrors.CONSENT_REQUIRED, 'Give your consent (consent_given: true) to sign');
  const allowed = decodeJson<SignatureType[]>(request.allowed_types) ?? [];
  if (!allowed.includes(input.signature_type))
    throw domainError(
      signingErrors.SIGNATURE_TYPE_NOT_ALLOWED,
      `${input.signature_type} signatures are not allowed here (${allowed.join(', ')})`,
    );
  if (
    input.signer_name !== undefined &&
    input.signer_name.normalize('NFC').trim() !== access.signer.signer_name
  )
    throw domainError(
      signingErrors.BAD_SIGNATURE_DATA,
      'signer_name is not the name this link was issued to',
    );
  return parseSignatureMark(input.signature_type, input.signature_data);
}

/**
 * Signs every document of the request for this signer (PAdES B-T, the signer's own
 * certificate from the platform CA, visible mark; the certificate checked against the
 * request's signing profile first) and stages the new versions. Runs before
 * the recording transaction; `commitSignature` re-checks everything under it.
 */
export async function prepareSignature(
  deps: SigningDeps,
  access: SignerAccess,
  input: SignInput,
  options: { isPart11Ceremony?: boolean } = {},
): Promise<PreparedSignature> {
  requireTurn(access);
  // Only the internal route, which then runs the records ceremony, signs under a Part 11 policy.
  if (!options.isPart11Ceremony) await refuseLinkUnderPart11(deps.db);
  if (access.signer.role === 'assistant')
    throw domainError(fieldErrors.WRONG_ACTION, 'Assistants fill fields (POST /fill); they do not sign');
  const mark = checkSignInput(access, input);
  // Every required field filled, values valid: checked before anything is signed or stored.
  const filled = fillFields(await fieldsFor(deps.db, access.signer), input.fields ?? [], 'signer');
  const free = freePlacement(access, filled, input.signature_placement);
  const { request } = access.bundle;
  const signedAt = deps.clock.now();
  const issued = await signerFor(deps, access, input, signedAt);
  // The request's signing profile (template → requester's department → platform) must accept
  // the certificate before anything is signed: refused with 40024, nothing staged or stored.
  const profile = await assertSignerCertificate(deps.db, request, issued.certificate, issued.signer.hash);
  // Its reason (a signer's outside its list: 40022, nothing signed) and appearance.
  // So is its meaning (one outside the profile's list: 40028, nothing signed).
  const look = signerAppearance(profile, input, request.title);
  // Its PAdES level and TSAs (failover; none answering is 503 before anything is staged).
  const plan = await signerSigningPlan(profile, { trust: deps.trust, fetch: deps.ctx.outbound.fetch });
  const index = access.bundle.signatures.length;
  const versions = [];
  for (const row of access.bundle.documents) {
    const bytes = await documents.read(deps.ctx, row.current_sha256);
    const placement = await placementFor(
      bytes,
      filled.filter((f) => f.field.document_id === row.document_id),
      mark,
      free?.document_id === row.document_id ? free : undefined,
    );
    const signed = await signForSigner(bytes, {
      placement,
      signer: issued.signer,
      ...plan, // level, timestamper, revocation
      mark,
      printedName: access.signer.signer_name,
      ...look, // reason, appearance
      signedAt,
      index,
      language: request.language,
    });
    const fileName = `${request.request_number}-${row.position + 1}.pdf`;
    versions.push({ row, staged: await documents.stage(deps.ctx, signed, fileName) });
  }
  return {
    access,
    signedAt,
    serial: issued.serial,
    subject: issued.subject,
    certificatePem: toPem(issued.certificate),
    versions,
    filled,
    meaning: look.meaning,
  };
}

/**
 * Records a prepared signature in one transaction: the signer is still due and it is still
 * their turn, each document is still at the version that was signed (compare-and-set), the
 * new versions are filed through the documents module, the seed record hash is stored, the
 * request moves on, and on completion the platform seal is queued.
 */
export async function commitSignature(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  prepared: PreparedSignature,
  input: SignInput,
  beforeRecording?: (trx: Trx) => Promise<void>,
): Promise<SignatureRow> {
  await beforeRecording?.(trx);
  const fresh = await repo.findSigner(trx, prepared.access.signer.id);
  if (!fresh) throw domainError(signingErrors.LINK_INVALID, 'The signer is gone');
  const access = await accessFor(trx, deps, fresh);
  requireTurn(access);
  const { request } = access.bundle;
  const produced = [];
  for (const { row, staged } of prepared.versions) {
    const filed = await documents.addVersion(trx, deps.ctx, actor, {
      documentId: row.document_id,
      content: staged,
      note: `Signed by ${fresh.signer_name} (${request.request_number})`,
    });
    if (!(await repo.advanceDocument(trx, row, { version: filed.version.version, sha256: staged.sha256 })))
      throw domainError(
        signingErrors.SIGNER_DONE,
        'Another signature was recorded on this document meanwhile; sign again',
      );
    produced.push({ document_id: row.document_id, version: filed.version.version, sha256: staged.sha256 });
  }
  const signedAt = prepared.signedAt.toISOString();
  const documentHash = combinedDocumentHash(produced.map((p) => p.sha256));
  const base = {
    signature_data: input.signature_data,
    document_hash: documentHash,
    signed_at: signedAt,
    signer_name: fresh.signer_name,
  };
  const row: SignatureRow = {
    id: newId(),
    signature_number: await nextHumanNumber(trx, 'SIG', prepared.signedAt),
    request_id: request.id,
    signer_id: fresh.id,
    entity_type: request.entity_type,
    entity_id: request.entity_id,
    signature_type: input.signature_type,
    ...base,
    signature_strokes: input.signature_strokes ? encodeJson(input.signature_strokes) : null,
    signature_hash: recordHash(base),
    signer_email: fresh.signer_email,
    signer_type: fresh.signer_type,
    status: 'valid',
    ip_address: actor.ip,
    user_agent: actor.userAgent,
    geolocation: input.geolocation ? encodeJson(input.geolocation) : null,
    consent_given: 1,
    consent_text: input.consent_text ?? request.consent_text ?? DEFAULT_CONSENT,
    certificate_serial: prepared.serial,
    certificate_subject: prepared.subject,
    certificate: prepared.certificatePem,
    documents: encodeJson(produced),
    valid_until: new Date(
      prepared.signedAt.getTime() + request.signature_valid_days * 86_400_000,
    ).toISOString(),
    revoked_at: null,
    revoke_reason: null,
    created_at: signedAt,
  };
  await insertSignature(trx, row, produced);
  if (
    !(await repo.moveSigner(trx, fresh.id, ['sent', 'viewed'], {
      status: 'signed',
      signed_at: signedAt,
      signature_id: row.id,
      updated_at: signedAt,
    }))
  )
    throw domainError(signingErrors.SIGNER_DONE, 'This signer has already signed');
  await recordFills(trx, prepared.filled, fresh.id, signedAt);
  await closeGroupOf(trx, deps, actor, access, signedAt);
  await advanceRequest(trx, deps, actor, access, row, prepared.meaning);
  await tellSignerOutcome(trx, deps.ctx, actor, {
    request_id: request.id,
    request_number: request.request_number,
    entity_type: request.entity_type,
    entity_id: request.entity_id,
    signer_id: fresh.id,
    user_id: fresh.user_id,
    outcome: 'signed',
    reference: row.signature_number,
  });
  return row;
}

async function advanceRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  access: SignerAccess,
  signature: SignatureRow,
  meaning: string,
) {
  const { request } = access.bundle;
  const group = access.signer.signing_group;
  // The other members of this signer's any-of-N group were just closed (closeGroupOf).
  const left = outstanding(access.bundle.signers).filter(
    (s) => s.id !== access.signer.id && !(group && s.signing_group === group),
  );
  const at = signature.signed_at;
  const entity = `${request.entity_type}:${request.entity_id}`;
  const event = left.length === 0 ? 'complete' : 'sign';
  const transition = requestLifecycle.apply(request.status, event);
  const changes =
    event === 'complete'
      ? { status: transition.to, completed_at: at, seal_status: 'pending' as const, updated_at: at }
      : { status: transition.to, updated_at: at };
  if (!(await repo.moveRequest(trx, request.id, [request.status], changes)))
    throw domainError(signingErrors.REQUEST_NOT_OPEN, 'The request changed meanwhile; sign again');
  // Recorded after the move: the webhook it emits presents the request as this signature left it.
  await deps.audit.record(trx, actor, {
    type: 'signing.request.signed',
    entityId: request.id,
    payload: {
      request_number: request.request_number,
      signer_id: access.signer.id,
      signer_name: access.signer.signer_name,
      detail: signature.signature_number,
      meaning,
    },
  });
  if (event === 'complete') {
    await deps.audit.record(trx, actor, {
      type: 'signing.request.completed',
      entityId: request.id,
      payload: { request_number: request.request_number, entity, detail: null },
    });
    await deps.jobs.enqueue(trx, sealJob, { request_id: request.id });
  } else await notifyNextTurn(trx, deps, actor, access.bundle, access.signer.id);
}
