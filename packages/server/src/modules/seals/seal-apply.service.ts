import { createHash } from 'node:crypto';
import type { SealDesign } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { type CurrentContent, documents, type StagedContent } from '../documents/index.js';
import { activeUsersWithRole, type DataScope, usersByIds } from '../identity/index.js';
import { signingPlan } from '../profiles/index.js';
import { sealUnderProfile } from './seal-profile.js';
import { type Placement, PlacementError, type SealUsePlacement, sealPdf } from './seal-sign.js';
import type { SealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { matchingAuthorisation } from './seals.policy.js';
import * as repo from './seals.repository.js';

/** What the caller asks: which seal, on which document, where, and the approval if one is needed. */
export interface ApplySeal {
  sealId: string;
  documentId: string;
  placement: Placement;
  approvalId?: string | null;
  /** The signature meaning; must be one of the profile's meanings (default its first). */
  meaning?: string;
}

/** The checked and signed result, staged but not yet filed (no transaction held while signing). */
export interface PreparedSeal {
  seal: repo.SealRow;
  document: CurrentContent;
  authorisation: repo.AuthorisationRow;
  approvalId: string | null;
  staged: StagedContent;
  pages: number[];
  sha256: string;
  /** The meaning the seal carries and the profile it was made under (for the audit event). */
  meaning: string | null;
  profile: { id: string | null; version: number };
}

/** The approved seal-use approval a use rests on (throws when it does not hold), or null. */
export type ApprovalResolver = (
  authorisation: repo.AuthorisationRow,
  seal: repo.SealRow,
  document: { documentId: string; version: number },
) => Promise<string | null>;

/** Authorises the actor for this seal and document now; 404 for an unreadable document. */
export async function authorise(
  db: DbOrTrx,
  deps: SealsDeps,
  actor: Actor,
  input: { sealId: string; documentId: string; scope: DataScope },
) {
  const seal = await repo.findSeal(db, input.sealId);
  if (!seal) throw notFound('Seal');
  if (seal.status !== 'active')
    throw domainError(sealsErrors.SEAL_NOT_ACTIVE, `The seal is ${seal.status} and cannot be applied.`);
  const readable = await documents.readable(db, actor, input.scope, [input.documentId]);
  if (readable.length === 0 || !actor.userId) throw notFound('Document');
  const document = await documents.current(db, input.documentId);
  const auths = await repo.liveAuthorisations(db, seal.id);
  const roles = new Set<string>();
  for (const code of new Set(auths.filter((a) => a.subject_type === 'role').map((a) => a.subject_id)))
    if ((await activeUsersWithRole(db, code)).includes(actor.userId)) roles.add(code);
  const user = (await usersByIds(db, [actor.userId])).get(actor.userId);
  const now = deps.clock.now().toISOString();
  const who = {
    userId: actor.userId,
    departmentId: user?.department_id ?? null,
    roles,
    category: document.category,
    now,
  };
  const authorisation = matchingAuthorisation(auths, who);
  if (!authorisation)
    throw domainError(
      sealsErrors.SEAL_NOT_AUTHORISED,
      `You are not authorised to use the seal “${seal.name}” on ${document.category} documents now.`,
    );
  return { seal, document, authorisation };
}

/**
 * The slow half of applying a seal, outside any transaction: checks, reads the current
 * version, signs it as the organisation with the seal as the appearance (at the PAdES level
 * and with the TSAs of the organisation's signing profile) and stages the sealed PDF.
 */
export async function prepareSeal(
  deps: SealsDeps,
  actor: Actor,
  input: ApplySeal & { scope: DataScope },
  approvedBy: ApprovalResolver = async () => null,
): Promise<PreparedSeal> {
  const { seal, document, authorisation } = await authorise(deps.db, deps, actor, input);
  const approvalId = authorisation.requires_approval ? await approvedBy(authorisation, seal, document) : null;
  if (authorisation.requires_approval && !approvalId)
    throw domainError(
      sealsErrors.SEAL_APPROVAL_REQUIRED,
      'Using this seal needs an approved seal-use request (用印审批) for this document.',
    );
  return sealChecked(deps, { seal, document, authorisation, approvalId }, input);
}

/** Signs an authorised (and, where needed, approved) document as the organisation and stages it. */
export async function sealChecked(
  deps: SealsDeps,
  checked: Pick<PreparedSeal, 'seal' | 'document' | 'authorisation' | 'approvalId'>,
  input: Pick<ApplySeal, 'placement' | 'meaning'>,
): Promise<PreparedSeal> {
  const { seal, document, authorisation, approvalId } = checked;
  if (document.mediaType !== 'application/pdf')
    throw domainError(sealsErrors.SEAL_PLACEMENT_INVALID, 'Only PDF documents can be sealed.');
  // The organisation's signing profile: its seal and certificate, its meanings and its
  // certificate policy are checked before anything is signed; its PAdES level and TSA list
  // (tried in order) make the signature, its layout, location and reason what it shows.
  const { profile, use, signer } = await sealUnderProfile(deps, seal, { meaning: input.meaning });
  const pdf = await documents.read(deps.ctx, document.sha256);
  const plan = await signingPlan(profile.settings, { trust: deps.trust, fetch: deps.ctx.outbound.fetch });
  let sealed: { bytes: Uint8Array; pages: number[] };
  try {
    sealed = await sealPdf(pdf, {
      signer,
      ...plan,
      look: {
        design: seal.design ? (JSON.parse(seal.design) as SealDesign) : null,
        imagePng: seal.image_png ? Buffer.from(seal.image_png, 'base64') : null,
        sizePt: seal.size_pt,
      },
      placement: input.placement,
      // The profile's default reason (its first), else the seal's name.
      reason: use.reason ?? seal.name,
      ...(use.meaning ? { meaning: use.meaning } : {}),
      ...(use.location ? { location: use.location } : {}),
      ...(use.appearance?.template === 'seal' ? { caption: use.appearance } : {}),
    });
  } catch (error) {
    if (!(error instanceof PlacementError)) throw error;
    const isKeyword = input.placement.mode === 'keyword' && /is not in the document/.test(error.message);
    throw domainError(
      isKeyword ? sealsErrors.SEAL_KEYWORD_NOT_FOUND : sealsErrors.SEAL_PLACEMENT_INVALID,
      error.message,
    );
  }
  const staged = await documents.stage(deps.ctx, sealed.bytes, document.fileName);
  const sha256 = createHash('sha256').update(sealed.bytes).digest('hex');
  return {
    seal,
    document,
    authorisation,
    approvalId,
    staged,
    pages: sealed.pages,
    sha256,
    meaning: use.meaning ?? null,
    profile: { id: profile.profile_id, version: profile.version },
  };
}

/** The quick half, in the caller's transaction: the new version, the log entry, the audit event. */
export async function recordSealUse(
  trx: Trx,
  deps: SealsDeps,
  actor: Actor,
  prepared: PreparedSeal,
  placement: SealUsePlacement,
): Promise<repo.SealUseRow> {
  const filed = await documents.addVersion(trx, deps.ctx, actor, {
    documentId: prepared.document.documentId,
    content: prepared.staged,
    note: `Sealed with ${prepared.seal.name}`,
  });
  const row: repo.SealUseRow = {
    id: newId(),
    seal_id: prepared.seal.id,
    user_id: actor.userId,
    actor_name: actor.name,
    document_id: prepared.document.documentId,
    document_version: prepared.document.version,
    sealed_version: filed.version.version,
    placement,
    pages: JSON.stringify(prepared.pages),
    authorisation_id: prepared.authorisation.id,
    approval_id: prepared.approvalId,
    signed_sha256: prepared.sha256,
    created_at: deps.clock.now().toISOString(),
  };
  if (row.approval_id && (await repo.useOfApproval(trx, row.approval_id, row.document_id)))
    throw domainError(
      sealsErrors.SEAL_APPROVAL_USED,
      'This approval has already been used to seal the document.',
    );
  await repo.insertUse(trx, row);
  await deps.audit.record(trx, actor, {
    type: 'seals.seal.applied',
    entityId: prepared.seal.id,
    payload: {
      use_id: row.id,
      document_id: row.document_id,
      document_version: row.document_version,
      pages: prepared.pages,
      approval_id: row.approval_id,
      meaning: prepared.meaning,
      profile_id: prepared.profile.id,
      profile_version: prepared.profile.version,
    },
  });
  return row;
}
