/** Kysely types of the document-templates tables (columns: migrations/2026_12_06_0410_document_templates.ts). */
export interface DocumentTemplatesTable {
  id: string;
  name: string;
  description: string | null;
  latest_version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentTemplateVersionsTable {
  id: string;
  template_id: string;
  version: number;
  /** Storage key (SHA-256) of the DOCX. */
  file_key: string;
  file_name: string;
  size: number;
  /** TemplateVariable[] as JSON. */
  variables: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export type BatchStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';
export type BatchRowStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export interface DocumentBatchesTable {
  id: string;
  template_id: string;
  template_version: number;
  status: BatchStatus;
  /** 'pdf' or 'docx'. */
  output: string;
  /** When set, each result is filed on its record (entity_type + the row's entity_id) through documents. */
  entity_type: string | null;
  total: number;
  done_count: number;
  failed_count: number;
  zip_key: string | null;
  /** How the rows arrived: 'json', 'csv' or 'xlsx' (null: before sources were kept). */
  source_kind: string | null;
  /** The uploaded CSV/XLSX's name. */
  source_file_name: string | null;
  /** The record type rows were filled from (fill from record). */
  source_entity_type: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface DocumentBatchRowsTable {
  id: string;
  batch_id: string;
  row_index: number;
  status: BatchRowStatus;
  /** The validated row (JSON). */
  data: string;
  entity_id: string | null;
  /** The record (of the batch's source_entity_type) this row was filled from. */
  source_record_id: string | null;
  file_name: string;
  output_key: string | null;
  document_id: string | null;
  error: string | null;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    document_templates: DocumentTemplatesTable;
    document_template_versions: DocumentTemplateVersionsTable;
    document_batches: DocumentBatchesTable;
    document_batch_rows: DocumentBatchRowsTable;
  }
}
