import type { AppContext } from '../../platform/app-context.js';
import type { AuditSink } from '../../platform/audit-trail.js';
import { defineIntegrationEvents } from '../../platform/catalogues/integration-event-catalogue.js';
import type { Trx } from '../../platform/db/schema.js';
import { webhooks } from '../webhooks/index.js';
import { getBundle } from './requests.service.js';
import { presentRequest, type RequestBundle } from './signing.presenter.js';

/**
 * The request events signing emits to other systems (webhooks): each is the audit event of
 * the same name, so every transition that is audited is emitted too, in the same
 * transaction, with the request as `GET /signing/requests/{id}` presents it at that moment.
 */
export const signingIntegrationEvents = defineIntegrationEvents('signing', {
  'request.created': { description: 'A signature request was created', resourceType: 'signing_request' },
  'request.sent': {
    description: 'A request was sent (signing links issued)',
    resourceType: 'signing_request',
  },
  'request.viewed': { description: 'A signer opened the signing page', resourceType: 'signing_request' },
  'request.signed': { description: 'A signer signed', resourceType: 'signing_request' },
  'request.declined': {
    description: 'A signer declined; the request is rejected',
    resourceType: 'signing_request',
  },
  'request.completed': { description: 'Every required signer signed', resourceType: 'signing_request' },
  'request.expired': {
    description: 'The request expired before completion',
    resourceType: 'signing_request',
  },
  'request.cancelled': { description: 'The sender cancelled the request', resourceType: 'signing_request' },
  'signature.revoked': {
    description: 'A signature was revoked (its platform certificate revoked in CRL/OCSP)',
    resourceType: 'signature',
  },
});

/** Request events follow their audit event; `signature.revoked` is emitted by revokeSignature. */
const emitted = new Set(
  signingIntegrationEvents.declarations
    .filter((d) => d.resourceType === 'signing_request')
    .map((d) => d.type),
);

/**
 * The request each transaction last emitted, as it read it for the event (per app context;
 * an entry lives as long as its transaction object). A caller that records an emitted event
 * as the last change to the request in its transaction takes the request from here instead
 * of reading it a second time (the signature's answer, `commitSignature`).
 */
export type EmittedBundles = WeakMap<Trx, RequestBundle>;

/** The audit sink that also emits the catalogued request events (after recording them). */
export function emittingSink(
  sink: AuditSink,
  ctx: AppContext,
  publicUrl: string,
  emittedBundles: EmittedBundles,
): AuditSink {
  return async (trx, event) => {
    const result = await sink(trx, event);
    if (emitted.has(event.action) && event.entityId) {
      const bundle = await getBundle(trx, event.entityId);
      emittedBundles.set(trx, bundle);
      const data = presentRequest(bundle, ctx.clock.now());
      await webhooks.emit(trx, ctx, {
        type: event.action,
        resource_type: 'signing_request',
        resource_id: event.entityId,
        data: { ...data, links: linksOf(`${publicUrl}/api/v1`, data) },
      });
    }
    return result;
  };
}

/** Where a receiver fetches the request, its evidence and the (signed, archived) documents. */
function linksOf(api: string, data: ReturnType<typeof presentRequest>) {
  return {
    self: `${api}/digital-signature/requests/${data.id}`,
    evidence: `${api}/digital-signature/requests/${data.id}/evidence`,
    certificate: `${api}/digital-signature/requests/${data.id}/certificate`,
    documents: data.documents.map(
      (d) => `${api}/documents/${d.document_id}/versions/${d.current_version}/content`,
    ),
  };
}

/**
 * The request `id` as the last event this transaction emitted read it, or read now: for a
 * caller whose last change to the request was an emitted event (a signature: the request's
 * move is followed by `request.signed` or `request.completed`; what runs after them, the next
 * signer's alert and the outcome listeners, writes no row of this request). A listener that
 * creates another request emits that one's events, so the id check falls back to a read.
 */
export async function emittedOrRead(
  trx: Trx,
  emittedBundles: EmittedBundles,
  id: string,
): Promise<RequestBundle> {
  const bundle = emittedBundles.get(trx);
  return bundle?.request.id === id ? bundle : getBundle(trx, id);
}
