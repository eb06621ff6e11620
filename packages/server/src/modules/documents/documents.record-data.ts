import { isId } from '../../platform/db/ids.js';
import { isAppError } from '../../platform/errors.js';
import type { RecordDataProvider } from '../../platform/record-data.js';
import { dataScopeOf } from '../identity/index.js';
import { getDocument } from './documents.service.js';

/**
 * A document's metadata as record data for other modules (a template filled from the
 * document it accompanies). Read through the caller's data scope: a document outside it
 * reads as absent.
 */
export const documentRecordData: RecordDataProvider = {
  entityType: 'document',
  description: 'A filed document’s metadata: title, category, tags, contract number, record',
  permission: 'documents.document.read',
  fields: [
    { name: 'title', label: 'Title', type: 'text' },
    { name: 'category', label: 'Category', type: 'text' },
    { name: 'tags', label: 'Tags (comma-separated)', type: 'text' },
    { name: 'contract_number', label: 'Contract number', type: 'text' },
    { name: 'entity_type', label: 'Filed on (record type)', type: 'text' },
    { name: 'entity_id', label: 'Filed on (record id)', type: 'text' },
    { name: 'current_version', label: 'Current version', type: 'number' },
    { name: 'created_at', label: 'Filed on (date)', type: 'date' },
  ],
  async load(_ctx, db, reader, id) {
    if (!reader.principal || !isId(id)) return null;
    const scope = dataScopeOf(reader.principal);
    const row = await getDocument(db, scope, id).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!row) return null;
    return {
      title: row.title,
      category: row.category,
      tags: (JSON.parse(row.tags) as string[]).join(', '),
      contract_number: row.contract_number ?? '',
      entity_type: row.entity_type,
      entity_id: row.entity_id,
      current_version: Number(row.current_version),
      created_at: row.created_at.slice(0, 10),
    };
  },
};
