import { describe, expect, it } from 'vitest';
import { type ListedSealRequest, resumableRequest } from '../src/modules/signing/seal-request-resume';

const row = (approval_id: string, document_version: number, status: string, created_at: string) =>
  ({ approval_id, document_version, status, created_at }) satisfies ListedSealRequest;

describe("sender's page: picking up a filed seal-use request after a reload", () => {
  it('takes the newest pending or approved request for the current version', () => {
    const rows = [
      row('old-pending', 2, 'pending', '2026-12-01T10:00:00.000Z'),
      row('new-approved', 2, 'approved', '2026-12-01T11:00:00.000Z'),
      row('rejected', 2, 'rejected', '2026-12-01T12:00:00.000Z'),
    ];
    expect(resumableRequest(rows, 2)?.approval_id).toBe('new-approved');
  });

  it('skips requests for another version and those that cannot seal any more', () => {
    const rows = [
      row('stale', 1, 'approved', '2026-12-01T13:00:00.000Z'),
      row('used', 2, 'used', '2026-12-01T12:00:00.000Z'),
      row('withdrawn', 2, 'withdrawn', '2026-12-01T11:00:00.000Z'),
      row('returned', 2, 'returned', '2026-12-01T10:30:00.000Z'),
      row('pending', 2, 'pending', '2026-12-01T10:00:00.000Z'),
    ];
    expect(resumableRequest(rows, 2)?.approval_id).toBe('pending');
    expect(resumableRequest(rows, 3)).toBeNull();
    expect(resumableRequest(rows.slice(0, 4), 2)).toBeNull();
  });

  it('picks nothing when the current version is not known', () => {
    expect(resumableRequest([row('a', 1, 'pending', '2026-12-01T10:00:00.000Z')], null)).toBeNull();
  });
});
