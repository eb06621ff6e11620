/** Kysely table type of placed fields (DDL: migrations/2026_12_08_0100_signing_fields.ts). */
export type FieldType = 'signature' | 'initials' | 'name' | 'date' | 'text' | 'checkbox' | 'dropdown';

export interface DigitalSignatureFieldsTable {
  id: string;
  request_id: string;
  signer_id: string;
  document_id: string;
  /** Order of placement within the request ("next required field" follows it per page). */
  position: number;
  field_type: FieldType;
  /** 1-based page of the document. */
  page: number;
  /** Page-percent box (0–100, origin top-left), so it fits any rendering size. */
  x: number;
  y: number;
  width: number;
  height: number;
  required: number;
  label: string | null;
  /** JSON array of the choices of a dropdown. */
  options: string | null;
  value: string | null;
  /** The signer (or assistant) who filled the value. */
  filled_by: string | null;
  filled_at: string | null;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    digital_signature_fields: DigitalSignatureFieldsTable;
  }
}
