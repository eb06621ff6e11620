import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/actor.js';
import { nextHumanNumber } from '../../platform/db/counters.js';
import { newId } from '../../platform/db/ids.js';
import { encodeJson } from '../../platform/db/json-codec.js';
import type { DbOrTrx, Trx } from '../../platform/db/schema.js';
import { domainError, notFound } from '../../platform/errors.js';
import { documents, type StagedContent } from '../documents/index.js';
import { placeFields } from './fields.service.js';
import { checkParties, linkAssistants } from './parties.service.js';
import * as repo from './requests.repository.js';
import { signaturesOf } from './signatures.repository.js';
import { signerRow } from './signers.service.js';
import type { SigningDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import type { RequestBundle } from './signing.presenter.js';
import type { newRequest, newSigner } from './signing.schemas.js';
import type { SignatureType } from './signing.tables.js';
import { findTemplate, findTemplateByCode, type TemplateRow } from './templates.repository.js';
import { checkEntityType } from './templates.service.js';

export type NewRequest = Static<typeof newRequest>;
export type NewSigner = Static<typeof newSigner>;

export const DEFAULT_CONSENT = 'I have read and understood the document and agree to sign it electronically.';

/** Loads requests with their documents, signers and signatures (one query per table). */
export async function loadBundles(db: DbOrTrx, rows: repo.RequestRow[]): Promise<RequestBundle[]> {
  const ids = rows.map((r) => r.id);
  const [docs, signers, signatures] = await Promise.all([
    repo.documentsOf(db, ids),
    repo.signersOf(db, ids),
    signaturesOf(db, ids),
  ]);
  return rows.map((request) => ({
    request,
    documents: docs.filter((d) => d.request_id === request.id),
    signers: signers.filter((s) => s.request_id === request.id),
    signatures: signatures.filter((s) => s.request_id === request.id),
  }));
}

/** One page of requests (seed filters; `per_page` or `page_size`). */
export async function listRequests(
  db: DbOrTrx,
  q: repo.RequestFilter & { page: number; per_page?: number; page_size?: number },
  scope: { all: boolean; userId: string | null } = { all: true, userId: null },
) {
  // Narrow scope without a user (none today) sees nothing: '' matches no owner.
  const narrowTo = scope.all ? null : (scope.userId ?? '');
  return repo.requestPage(db, q, { page: q.page, page_size: q.per_page ?? q.page_size ?? 20 }, narrowTo);
}

/** Every request on one record, newest first, with what belongs to it. */
export async function requestsOnEntity(
  db: DbOrTrx,
  entityType: string,
  entityId: string,
): Promise<RequestBundle[]> {
  return loadBundles(db, await repo.requestsOfEntity(db, entityType, entityId));
}

export async function getBundle(db: DbOrTrx, id: string): Promise<RequestBundle> {
  const row = await repo.findRequest(db, id);
  if (!row) throw notFound('Signature request');
  const [bundle] = await loadBundles(db, [row]);
  return bundle as RequestBundle;
}

async function templateFor(trx: Trx, input: NewRequest): Promise<TemplateRow | undefined> {
  if (input.template_id !== undefined && input.template_id !== null) {
    const t = await findTemplate(trx, String(input.template_id));
    if (!t) throw notFound('Template');
    return t;
  }
  if (input.template_code) {
    const t = await findTemplateByCode(trx, input.template_code);
    if (!t) throw notFound('Template');
    return t;
  }
  return undefined;
}

function allowedTypes(t: TemplateRow | undefined): SignatureType[] {
  if (!t) return ['drawn', 'typed', 'image'];
  const pairs: [number, SignatureType][] = [
    [t.allow_drawn_signature, 'drawn'],
    [t.allow_typed_signature, 'typed'],
    [t.allow_image_signature, 'image'],
    [t.allow_certificate_signature, 'certificate'],
  ];
  return pairs.filter(([on]) => on === 1).map(([, type]) => type);
}

/**
 * Creates a request (status pending) on a record: number SIG-REQ-YYYY-NNNNN from the
 * per-year counter (race-safe in this transaction), settings copied from the template, the
 * documents as they are now (SHA-256 recorded), the signers. `summary` is the staged
 * one-page PDF used when the request names no document.
 */
export async function createRequest(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  input: NewRequest,
  summary: StagedContent | undefined,
): Promise<repo.RequestRow> {
  checkEntityType(deps, input.entity_type);
  const template = await templateFor(trx, input);
  const now = deps.clock.now();
  const at = now.toISOString();
  const signers = input.signers ?? [];
  checkParties([], signers);
  const orders = new Set(signers.map((s) => s.signing_order).filter((o) => o !== undefined));
  const row: repo.RequestRow = {
    id: newId(),
    request_number: await nextHumanNumber(trx, 'SIG-REQ', now),
    template_id: template?.id ?? null,
    entity_type: input.entity_type,
    entity_id: String(input.entity_id),
    title: input.title,
    description: input.description ?? null,
    status: 'pending',
    priority: input.priority ?? 'normal',
    customer_id:
      input.customer_id === undefined || input.customer_id === null ? null : String(input.customer_id),
    requested_by: actor.userId,
    signature_order:
      input.signature_order ?? template?.signature_order ?? (orders.size > 1 ? 'sequential' : 'any'),
    required_signatures_count: template?.required_signatures_count ?? 1,
    request_expires_hours: template?.request_expires_hours ?? 72,
    signature_valid_days: template?.signature_valid_days ?? 365,
    allowed_types: encodeJson(allowedTypes(template)),
    consent_text: template?.consent_text ?? null,
    language: input.language ?? 'en',
    expires_at: null,
    sent_at: null,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    reminder_hours: template?.reminder_hours ?? null,
    last_reminded_at: null,
    seal_status: 'none',
    sealed_at: null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertRequest(trx, row);
  await attachDocuments(trx, deps, actor, row, input.document_ids ?? [], summary);
  const signerRows = signers.map((signer, index) => signerRow(row, signer, index, at));
  for (const signer of signerRows) await repo.insertSigner(trx, signer);
  await linkAssistants(trx, signerRows, signers, 0);
  const docs = await repo.documentsOf(trx, [row.id]);
  await placeFields(trx, deps, { request: row, signers: signerRows, docs }, input.fields ?? []);
  await deps.audit.record(trx, actor, {
    type: 'signing.request.created',
    entityId: row.id,
    payload: {
      request_number: row.request_number,
      entity: `${row.entity_type}:${row.entity_id}`,
      detail: row.title,
    },
    after: { ...row },
  });
  return row;
}

async function attachDocuments(
  trx: Trx,
  deps: SigningDeps,
  actor: Actor,
  request: repo.RequestRow,
  ids: readonly string[],
  summary: StagedContent | undefined,
): Promise<void> {
  const documentIds = [...new Set(ids)];
  if (documentIds.length === 0 && summary) {
    const filed = await documents.create(trx, deps.ctx, actor, {
      entityType: request.entity_type,
      entityId: request.entity_id,
      title: `${request.request_number} ${request.title}`.slice(0, 300),
      category: 'other',
      content: summary,
      note: 'Signature request summary',
    });
    documentIds.push(filed.document.id);
  }
  for (const [position, id] of documentIds.entries()) {
    const current = await documents.current(trx, id);
    if (current.entityType !== request.entity_type || current.entityId !== request.entity_id)
      throw domainError(
        signingErrors.DOCUMENT_NOT_PDF,
        `Document ${id} is not filed on ${request.entity_type} ${request.entity_id}`,
      );
    if (current.mediaType !== 'application/pdf' || current.state !== 'active')
      throw domainError(
        signingErrors.DOCUMENT_NOT_PDF,
        `Document ${id} is not an active PDF (convert office files first)`,
      );
    await repo.insertRequestDocument(trx, {
      id: newId(),
      request_id: request.id,
      document_id: id,
      position,
      sent_version: current.version,
      sent_sha256: current.sha256,
      current_version: current.version,
      current_sha256: current.sha256,
      created_at: request.created_at,
    });
  }
}
