import { rowBatchProgress } from '../../../platform/jobs/row-batch.js';
import type { DirectLinkRow } from './direct-links.repository.js';
import type { BulkSendRowsTable, BulkSendsTable, InPersonSessionsTable } from './instances.tables.js';
import type { RoleRow, TemplateDocumentRow } from './template-setup.repository.js';

/** Rows in, responses out (no secret or hash ever leaves). */
export function presentDirectLink(link: DirectLinkRow) {
  return {
    role_key: link.role_key,
    is_enabled: link.is_enabled === 1,
    use_count: link.use_count,
    created_at: link.created_at,
    rotated_at: link.rotated_at,
    last_used_at: link.last_used_at,
  };
}

export function presentRole(r: RoleRow) {
  return {
    role_key: r.role_key,
    label: r.label,
    role: r.role,
    signer_type: r.signer_type,
    signing_order: r.signing_order,
    signer_name: r.signer_name,
    signer_email: r.signer_email,
    signer_phone: r.signer_phone,
    is_open: !r.signer_name,
  };
}

/** The columns a bulk file needs: per open role its name and email or phone (phone optional). */
export function bulkColumns(roles: readonly RoleRow[]): string[] {
  return [
    ...roles
      .filter((r) => !r.signer_name)
      .flatMap((r) => [`${r.role_key}.name`, `${r.role_key}.email`, `${r.role_key}.phone`]),
    'entity_id',
    'title',
  ];
}

export function presentSetup(
  templateId: string,
  setup: { roles: RoleRow[]; documents: TemplateDocumentRow[]; link: DirectLinkRow | undefined },
) {
  const { link } = setup;
  return {
    template_id: templateId,
    roles: setup.roles.map(presentRole),
    documents: setup.documents.map((d) => ({
      id: d.id,
      document_id: d.document_id,
      file_name: d.file_name,
      position: d.position,
    })),
    direct_link: link ? presentDirectLink(link) : null,
    bulk_columns: bulkColumns(setup.roles),
  };
}

export function presentBulk(bulk: BulkSendsTable, rows?: BulkSendRowsTable[]) {
  const { done, failed, remaining } = rowBatchProgress(bulk);
  return {
    id: bulk.id,
    template_id: bulk.template_id,
    status: bulk.status,
    file_name: bulk.file_name,
    title: bulk.title,
    language: bulk.language,
    total: bulk.total,
    done,
    failed,
    remaining,
    created_at: bulk.created_at,
    finished_at: bulk.finished_at,
    ...(rows
      ? {
          rows: rows.map((r) => ({
            row_index: r.row_index,
            status: r.status,
            request_id: r.request_id,
            error: r.error,
          })),
        }
      : {}),
  };
}

export function presentSession(s: InPersonSessionsTable, signerName: string) {
  return {
    id: s.id,
    request_id: s.request_id,
    signer_id: s.signer_id,
    signer_name: signerName,
    host_user_id: s.host_user_id,
    host_name: s.host_name,
    status: s.status,
    notify: s.notify,
    started_at: s.started_at,
    ended_at: s.ended_at,
    unlocked_at: s.unlocked_at,
  };
}
