/** A seal-use request as `GET /seals/use-requests` lists it (the fields the sender's page reads). */
export interface ListedSealRequest {
  approval_id: string;
  document_version: number;
  status: string;
  created_at: string;
}

/**
 * The request the sender's page picks up after a reload: the newest of the caller's requests
 * for this seal and document that is for the document's current version and still pending or
 * approved but not used. An older version's approval would be refused on apply, and a
 * rejected, withdrawn, returned or used one cannot seal, so the sender files a new request.
 */
export function resumableRequest<R extends ListedSealRequest>(
  requests: readonly R[],
  currentVersion: number | null,
): R | null {
  if (currentVersion === null) return null;
  const fitting = requests.filter(
    (r) => r.document_version === currentVersion && (r.status === 'pending' || r.status === 'approved'),
  );
  fitting.sort((a, b) => b.created_at.localeCompare(a.created_at));
  return fitting[0] ?? null;
}
