/** Kysely table type of sent alerts (DDL: migrations/2026_12_08_0200_signing_access.ts). */
export interface DigitalSignatureAlertsTable {
  id: string;
  request_id: string;
  /** your_turn, near_expiry, expired, signer_idle */
  kind: string;
  /** What the alert is about within the request (a signer id, or '-'): one alert per key. */
  subject_key: string;
  created_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Tables {
    digital_signature_alerts: DigitalSignatureAlertsTable;
  }
}
