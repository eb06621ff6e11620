import { Type } from '@sinclair/typebox';
import { systemActor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { defineJob } from '../../../platform/jobs/index.js';
import { retainObject } from '../../../platform/storage/storage-references.js';
import { signingDeps } from '../signing.deps.js';
import { certificateOfCompletion } from './certificate.service.js';
import { findStoredEvidence, insertStoredEvidence } from './evidence.repository.js';
import { buildEvidence } from './evidence.service.js';

/**
 * On completion (queued by the seal, once the documents are at B-LTA): makes the certificate
 * of completion and the evidence file and keeps both (content-addressed storage, referenced
 * from `digital_signature_evidence`). Idempotent: a request that has them is left alone.
 */
export const evidenceJob = defineJob({
  name: 'signing.request.evidence',
  payload: Type.Object({ request_id: Type.String() }, { additionalProperties: false }),
  retry: { attempts: 5, backoff: 'exponential', delayMs: 2000 },
  async handler(payload, run) {
    const deps = signingDeps(run.ctx);
    if (await findStoredEvidence(deps.db, payload.request_id)) return;
    const actor = systemActor('signing.request.evidence');
    const evidence = await buildEvidence(deps, actor, payload.request_id);
    const { pdf } = await certificateOfCompletion(deps, actor, payload.request_id, evidence);
    const certificate = await deps.ctx.storage.put(pdf);
    const file = await deps.ctx.storage.put(Buffer.from(JSON.stringify(evidence)));
    const now = deps.clock.now();
    await inTransaction(deps.db, async (trx) => {
      const stored = await insertStoredEvidence(trx, {
        request_id: payload.request_id,
        certificate_key: certificate.key,
        certificate_size: certificate.size,
        evidence_key: file.key,
        evidence_size: file.size,
        created_at: now.toISOString(),
      });
      if (!stored) return;
      await retainObject(trx, deps.ctx.storage, certificate, now);
      await retainObject(trx, deps.ctx.storage, file, now);
    });
  },
});
