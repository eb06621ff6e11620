/** Kysely table type of the stored evidence (DDL: migrations/2026_12_07_0730_signing_evidence.ts). */
export interface DigitalSignatureEvidenceTable {
  request_id: string;
  certificate_key: string;
  certificate_size: number;
  evidence_key: string;
  evidence_size: number;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    digital_signature_evidence: DigitalSignatureEvidenceTable;
  }
}
