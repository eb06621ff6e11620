import type { SealStatus } from './seals.state.js';

/** company 公章, contract 合同专用章, finance 财务专用章, legal_rep 法定代表人章, personal, custom. */
export type SealType = 'company' | 'contract' | 'finance' | 'legal_rep' | 'personal' | 'custom';

export interface SealsTable {
  id: string;
  organisation: string;
  seal_type: SealType;
  name: string;
  status: SealStatus;
  /** generated: drawn from `design`; uploaded: `image_png` (background made transparent). */
  source: 'generated' | 'uploaded';
  /** JSON SealDesign (shape, title, purpose, star). */
  design: string | null;
  /** Base64 PNG with alpha. */
  image_png: string | null;
  /** Width of the seal on the page, in points. */
  size_pt: number;
  /** The organisation certificate (keys module) the seal signs with. */
  certificate_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SealAuthorisationsTable {
  id: string;
  seal_id: string;
  subject_type: 'user' | 'role' | 'department';
  subject_id: string;
  /** JSON array of document categories; empty means every category. */
  categories: string;
  valid_from: string;
  valid_until: string;
  requires_approval: number;
  workflow_definition_id: string | null;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface SealUsesTable {
  id: string;
  seal_id: string;
  user_id: string | null;
  actor_name: string;
  document_id: string;
  document_version: number;
  sealed_version: number;
  /** coordinates, keyword, cross_page; keyword_cross / coord_cross: with the cross-page seal. */
  placement: 'coordinates' | 'keyword' | 'cross_page' | 'keyword_cross' | 'coord_cross';
  /** JSON array of page numbers that show the seal. */
  pages: string;
  authorisation_id: string | null;
  approval_id: string | null;
  signed_sha256: string;
  created_at: string;
}

/** A seal-use request (用印审批): the approval started for one seal on one document version. */
export interface SealUseRequestsTable {
  id: string;
  seal_id: string;
  authorisation_id: string;
  document_id: string;
  document_version: number;
  requested_by: string;
  /** The workflow approval instance. */
  approval_id: string;
  /** How many documents the request names (1: this row's document; more: a batch request). */
  document_count: number;
  created_at: string;
}

/** The documents of a batch seal-use request, each at the version the approval is for. */
export interface SealUseRequestDocumentsTable {
  request_id: string;
  position: number;
  document_id: string;
  document_version: number;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    seals: SealsTable;
    seal_authorisations: SealAuthorisationsTable;
    seal_uses: SealUsesTable;
    seal_use_requests: SealUseRequestsTable;
    seal_use_request_documents: SealUseRequestDocumentsTable;
  }
}
