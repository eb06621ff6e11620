import type { Actor } from '../../../platform/actor.js';
import type { SigningDeps } from '../signing.deps.js';
import { certificateOfCompletion } from './certificate.service.js';
import { findStoredEvidence } from './evidence.repository.js';
import { buildEvidence, completedBundle } from './evidence.service.js';

/**
 * The certificate or evidence file of a completed request: the one made at completion (the
 * evidence job) when it exists, read back by its content address (storage verifies it);
 * until the job has run, one made now from the same records.
 */
export async function storedOrFresh(
  deps: SigningDeps,
  actor: Actor,
  requestId: string,
  kind: 'certificate' | 'evidence',
): Promise<{ bytes: Buffer; requestNumber: string; stored: boolean }> {
  const { request } = await completedBundle(deps, requestId);
  const stored = await findStoredEvidence(deps.db, requestId);
  if (stored) {
    const key = kind === 'certificate' ? stored.certificate_key : stored.evidence_key;
    return { bytes: await deps.ctx.storage.read(key), requestNumber: request.request_number, stored: true };
  }
  const bytes =
    kind === 'certificate'
      ? Buffer.from((await certificateOfCompletion(deps, actor, requestId)).pdf)
      : Buffer.from(JSON.stringify(await buildEvidence(deps, actor, requestId)));
  return { bytes, requestNumber: request.request_number, stored: false };
}
