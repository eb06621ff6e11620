/** Kysely types of the documents tables (see migrations/2026_12_06_0400_documents.ts). */

export const documentCategories = ['contract', 'technical', 'drawing', 'other'] as const;
export type DocumentCategory = (typeof documentCategories)[number];
export type DocumentState = 'active' | 'trashed';

export interface DocumentsTable {
  id: string;
  title: string;
  category: DocumentCategory;
  /** JSON array of strings. */
  tags: string;
  /** The record the document is filed on, e.g. `contract` + its id. */
  entity_type: string;
  entity_id: string;
  contract_number: string | null;
  /** Who filed it; the data scope's "own" column. */
  owner_id: string;
  /** The filer's department; the data scope's department column. */
  department_id: string | null;
  current_version: number;
  state: DocumentState;
  /** Stamped from the category's policy at filing; never shortened while WORM. */
  retain_until: string | null;
  /** 1 when no delete or overwrite is allowed while retained, for every role. */
  worm: number;
  legal_hold: number;
  legal_hold_reason: string | null;
  trashed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  version: number;
  /** SHA-256 of the bytes: the storage key and the integrity proof. */
  storage_key: string;
  size: number | string;
  file_name: string;
  media_type: string;
  kind: string;
  /** 1 for macro-enabled office files: stored, downloadable, never converted or previewed. */
  inert: number;
  /** JSON: title, category, tags and contract number as of this version (the metadata diff). */
  metadata: string;
  note: string | null;
  restored_from: number | null;
  created_by: string;
  created_at: string;
}

export interface DocumentRetentionPoliciesTable {
  category: DocumentCategory;
  keep_years: number;
  worm: number;
  /** 1: previews and downloads carry the viewer's name, time and IP (watermark.service.ts). */
  watermark: number;
  /** 1: its documents are regulated records, a change or trashing needs a reason (Annex 11 §9). */
  reason_required: number;
  updated_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    documents: DocumentsTable;
    document_versions: DocumentVersionsTable;
    document_retention_policies: DocumentRetentionPoliciesTable;
  }
}
