import type { RevocationReason } from '@signx/pades';

/** One revoked certificate of the platform CA (serial: lowercase hex, leading zeros stripped). */
export interface PlatformCertificateRevocationsTable {
  serial: string;
  reason: RevocationReason;
  revoked_at: string;
  subject: string | null;
  note: string | null;
}

declare module '../db/schema.js' {
  interface Tables {
    platform_certificate_revocations: PlatformCertificateRevocationsTable;
  }
}
