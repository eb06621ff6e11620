import { type SealDesign, sealSvg } from '@signx/pades';
import type { Static } from '@sinclair/typebox';
import type { listedUseRequestView } from './seal-requests.schemas.js';
import type { AuthorisationRow, SealRow, SealUseRow } from './seals.repository.js';
import type { authorisationView, SealView, useView } from './seals.schemas.js';
import type { ListedRequest } from './use-request-list.service.js';

/** Rows in, responses out; no I/O. */
export function presentSeal(row: SealRow): SealView {
  const design = row.design ? (JSON.parse(row.design) as SealView['design']) : null;
  return {
    id: row.id,
    organisation: row.organisation,
    seal_type: row.seal_type,
    name: row.name,
    status: row.status,
    source: row.source,
    design,
    size_pt: row.size_pt,
    certificate_id: row.certificate_id,
    preview_svg: design ? sealSvg(design as SealDesign) : null,
    image_png_base64: row.image_png,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function presentAuthorisation(row: AuthorisationRow): Static<typeof authorisationView> {
  return {
    id: row.id,
    seal_id: row.seal_id,
    subject_type: row.subject_type,
    subject_id: row.subject_id,
    categories: JSON.parse(row.categories) as string[],
    valid_from: row.valid_from,
    valid_until: row.valid_until,
    requires_approval: row.requires_approval === 1,
    revoked_at: row.revoked_at,
    created_at: row.created_at,
  };
}

export function presentUse(row: SealUseRow): Static<typeof useView> {
  return { ...row, pages: JSON.parse(row.pages) as number[] };
}

/** A seal the caller may use, with the authorisation's terms (the sender's picker). */
export function presentUsable({ seal, authorisation }: { seal: SealRow; authorisation: AuthorisationRow }) {
  const auth = presentAuthorisation(authorisation);
  return {
    seal: presentSeal(seal),
    authorisation_id: auth.id,
    requires_approval: auth.requires_approval,
    categories: auth.categories,
    valid_until: auth.valid_until,
  };
}

/** A listed seal-use request with its approval's outcome and its use, if any. */
export function presentListedRequest(item: ListedRequest): Static<typeof listedUseRequestView> {
  const { row } = item;
  return {
    id: row.id,
    seal_id: row.seal_id,
    seal_name: row.seal_name,
    document_id: row.document_id,
    document_version: row.document_version,
    document_count: row.document_count,
    documents_sealed: item.documents_sealed,
    requested_by: row.requested_by,
    requester_name: item.requester_name,
    approval_id: row.approval_id,
    approval_status: item.approval_status,
    status: item.status,
    used: row.use_id !== null,
    use_id: row.use_id,
    used_at: row.used_at,
    created_at: row.created_at,
  };
}
