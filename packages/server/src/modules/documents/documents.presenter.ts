import type { Static } from '@sinclair/typebox';
import type { Actor } from '../../platform/actor.js';
import { isWormLocked, mayDo } from './documents.policy.js';
import type { DocumentRow, VersionRow } from './documents.repository.js';
import type { documentView, retentionView, versionView } from './documents.schemas.js';
import type { DocumentMetadata } from './documents.service.js';
import type { DocumentRetentionPoliciesTable } from './documents.tables.js';

const previewKinds = new Set(['pdf', 'png', 'jpeg', 'gif', 'webp', 'svg']);
const officeKinds = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);

/** Whether a version can be previewed: PDFs and images always, office files once a converter is installed. */
export function isPreviewable(
  version: Pick<VersionRow, 'kind' | 'inert'>,
  hasOfficeConverter: boolean,
): boolean {
  if (version.inert === 1) return false;
  return previewKinds.has(version.kind) || (hasOfficeConverter && officeKinds.has(version.kind));
}

export function presentDocument(row: DocumentRow, actor: Actor, now: Date): Static<typeof documentView> {
  const locked = isWormLocked(row, now);
  const allowed: string[] = [];
  if (row.state === 'active') {
    if (mayDo(actor, 'upload')) allowed.push('upload');
    if (mayDo(actor, 'edit') && !locked) allowed.push('edit');
    if (mayDo(actor, 'trash') && !locked && row.legal_hold === 0) allowed.push('trash');
  } else if (mayDo(actor, 'restore')) allowed.push('restore');
  if (mayDo(actor, 'hold')) allowed.push('hold');
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    entity_type: row.entity_type,
    entity_id: row.entity_id,
    contract_number: row.contract_number,
    owner_id: row.owner_id,
    current_version: Number(row.current_version),
    state: row.state,
    retain_until: row.retain_until,
    worm: row.worm === 1,
    legal_hold: row.legal_hold === 1,
    legal_hold_reason: row.legal_hold_reason,
    trashed_at: row.trashed_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    allowed_actions: allowed,
  };
}

export function presentVersion(row: VersionRow, hasOfficeConverter: boolean): Static<typeof versionView> {
  return {
    version: Number(row.version),
    sha256: row.storage_key,
    size: Number(row.size),
    file_name: row.file_name,
    media_type: row.media_type,
    kind: row.kind,
    inert: row.inert === 1,
    previewable: isPreviewable(row, hasOfficeConverter),
    metadata: JSON.parse(row.metadata) as DocumentMetadata,
    note: row.note,
    restored_from: row.restored_from,
    created_by: row.created_by,
    created_at: row.created_at,
  };
}

export function presentRetention(row: DocumentRetentionPoliciesTable): Static<typeof retentionView> {
  return {
    category: row.category,
    keep_years: Number(row.keep_years),
    worm: row.worm === 1,
    watermark: Number(row.watermark) === 1,
    reason_required: Number(row.reason_required) === 1,
    updated_at: row.updated_at,
  };
}
