import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { signatureOf } from '../src/modules/webhooks/signature.js';
import { bearer } from './identity-fixtures.js';

/** A signed inbound callback as a test sends it (docs/integration.md, "Inbound callbacks"). */
export interface SignedCall {
  keyId: string;
  secret: string;
  body: string;
  requestId?: string;
  /** Unix seconds; default: the app clock's now. */
  timestamp?: number;
}

export function callbackHeaders(app: FastifyInstance, call: SignedCall): Record<string, string> {
  const timestamp = call.timestamp ?? Math.floor(app.signx.clock.now().getTime() / 1000);
  const requestId = call.requestId ?? randomUUID();
  return {
    'content-type': 'application/json',
    'signx-key-id': call.keyId,
    'signx-request-id': requestId,
    'signx-timestamp': String(timestamp),
    'signx-signature': signatureOf(call.secret, `${call.keyId}.${requestId}`, timestamp, call.body),
  };
}

/** Creates an inbound credential through the API; answers its key id, secret and id. */
export async function createCredential(
  app: FastifyInstance,
  token: string,
  input: { name?: string; operations?: string[]; ip_allow_list?: string[] } = {},
): Promise<{ id: string; keyId: string; secret: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/inbound-credentials',
    headers: bearer(token),
    payload: {
      name: input.name ?? 'ERP',
      operations: input.operations ?? ['signing.request.create'],
      ip_allow_list: input.ip_allow_list ?? [],
    },
  });
  if (response.statusCode !== 201) throw new Error(`credential not created: ${response.body}`);
  const { credential, secret } = response.json().data;
  return { id: credential.id, keyId: credential.key_id, secret };
}

export const erpRequest = {
  entity_type: 'invoice',
  entity_id: 'ERP-4711',
  title: 'Invoice ERP-4711',
  signers: [{ signer_name: 'Dana Buyer', signer_email: 'dana@example.com', signer_type: 'customer' }],
};
