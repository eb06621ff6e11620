import { defineIntegrationEvents } from '../../platform/catalogues/integration-event-catalogue.js';
import type { Trx } from '../../platform/db/schema.js';
import { webhooks } from '../webhooks/index.js';
import type { DocumentsDeps } from './documents.deps.js';
import type { DocumentRow, VersionRow } from './documents.repository.js';

/**
 * The document event sent to other systems (webhooks): every new version (the first one
 * filed, an upload, a signed PDF, a restored copy), emitted in the transaction that files it.
 */
export const documentsIntegrationEvents = defineIntegrationEvents('documents', {
  'version.created': {
    description: 'A document version was filed (first upload, new upload, signed PDF or restored copy)',
    resourceType: 'document',
  },
});

export async function emitVersionCreated(
  trx: Trx,
  deps: DocumentsDeps,
  document: DocumentRow,
  version: VersionRow,
): Promise<void> {
  const api = `${deps.publicUrl}/api/v1`;
  await webhooks.emit(trx, deps.ctx, {
    type: documentsIntegrationEvents.types['version.created'],
    resource_type: 'document',
    resource_id: document.id,
    data: {
      document_id: document.id,
      title: document.title,
      category: document.category,
      entity: { type: document.entity_type, id: document.entity_id },
      version: Number(version.version),
      sha256: version.storage_key,
      size: Number(version.size),
      file_name: version.file_name,
      media_type: version.media_type,
      restored_from: version.restored_from,
      created_by: version.created_by,
      created_at: version.created_at,
      links: {
        self: `${api}/documents/${document.id}`,
        content: `${api}/documents/${document.id}/versions/${version.version}/content`,
      },
    },
  });
}
