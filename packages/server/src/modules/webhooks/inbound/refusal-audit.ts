import type { FastifyRequest } from 'fastify';
import { systemActor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { WebhooksDeps } from '../webhooks.deps.js';

/**
 * Records a refused inbound callback as the audit event `webhooks.inbound.refused`: the
 * reason and code answered, the key and request ids as sent, the caller's address, the
 * operation and the path. Never the body, the signature or the query string. Written in a
 * transaction of its own (the refused call has none); a failure to write it does not change
 * the answer, which is the refusal.
 */
export async function auditRefusal(
  deps: WebhooksDeps,
  request: FastifyRequest,
  operation: string,
  credentialId: string | null,
  error: unknown,
): Promise<void> {
  if (!(error instanceof AppError) || !error.domain) return;
  const header = (name: string, max: number) => {
    const value = request.headers[name];
    return (typeof value === 'string' ? value : '').slice(0, max);
  };
  const payload = {
    reason: String(error.details?.reason ?? error.domain.api),
    code: error.domain.api,
    key_id: header('signx-key-id', 40),
    request_id: header('signx-request-id', 100),
    ip: request.ip ?? '',
    operation,
    path: (request.url ?? '').split('?')[0]?.slice(0, 200) ?? '',
  };
  try {
    await inTransaction(deps.db, (trx) =>
      deps.audit.record(trx, systemActor('webhooks.inbound'), {
        type: 'webhooks.inbound.refused',
        entityId: credentialId,
        result: 'failure',
        reason: error.message.slice(0, 200),
        payload,
      }),
    );
  } catch (failure) {
    request.log.warn({ err: failure }, 'could not audit a refused inbound callback');
  }
}
