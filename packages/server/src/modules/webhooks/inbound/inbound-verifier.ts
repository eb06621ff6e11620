import type { FastifyRequest } from 'fastify';
import { decodeJson } from '../../../platform/db/json-codec.js';
import { domainError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { CallbackVerifier } from '../../../platform/http/callback-access.js';
import { callbackPrincipal } from '../../identity/index.js';
import { unsealSecret } from '../secret-seal.js';
import { verifySignature } from '../signature.js';
import type { WebhooksDeps } from '../webhooks.deps.js';
import { webhooksErrors as errors } from '../webhooks.errors.js';
import * as repo from './inbound.repository.js';
import { isAllowed } from './ip-allow-list.js';
import { auditRefusal } from './refusal-audit.js';

/**
 * The inbound callback check (docs/integration.md, "Inbound callbacks"). Headers:
 * `SignX-Key-Id`, `SignX-Request-Id` (8–100 of A–Z a–z 0–9 _ -, unique per call),
 * `SignX-Timestamp` (Unix seconds) and `SignX-Signature: v1,<base64 HMAC-SHA256>` over
 * `<key id>.<request id>.<timestamp>.<raw body>` with the key of the `whsec_` secret: the
 * Standard Webhooks signature with `<key id>.<request id>` as its message id, so the request
 * id is signed and a captured call cannot be replayed under a fresh one.
 */
export const callbackHeaders = {
  keyId: 'signx-key-id',
  requestId: 'signx-request-id',
  timestamp: 'signx-timestamp',
  signature: 'signx-signature',
} as const;

interface Screened {
  row: repo.CredentialRow;
  principal: Principal;
  requestId: string;
  timestamp: number;
  signature: string;
}

const patterns = {
  keyId: /^ick_[0-9a-f]{20}$/,
  requestId: /^[A-Za-z0-9_-]{8,100}$/,
  timestamp: /^\d{1,12}$/,
  signature: /^v1,[A-Za-z0-9+/=]{1,100}( v1,[A-Za-z0-9+/=]{1,100}){0,4}$/,
};

function refuse(code: (typeof errors)[keyof typeof errors], message: string): never {
  throw domainError(code, message, { details: { reason: code.name.toLowerCase() } });
}

function readHeaders(request: FastifyRequest) {
  const value = (name: string) => {
    const v = request.headers[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  const read = {
    keyId: value(callbackHeaders.keyId),
    requestId: value(callbackHeaders.requestId),
    timestamp: value(callbackHeaders.timestamp),
    signature: value(callbackHeaders.signature),
  };
  const bad = (Object.keys(patterns) as (keyof typeof patterns)[]).filter((k) => !patterns[k].test(read[k]));
  if (bad.length > 0)
    refuse(
      errors.CALLBACK_SIGNATURE_MISSING,
      `Missing or malformed: ${bad.map((k) => callbackHeaders[k]).join(', ')}`,
    );
  return read;
}

/** Installed by the webhooks module with `app.setCallbackVerifier`. */
export function createInboundVerifier(deps: WebhooksDeps): CallbackVerifier {
  const screened = new WeakMap<FastifyRequest, Screened>();
  const toleranceMs = deps.settings.callbackToleranceSeconds * 1000;
  const operations = new WeakMap<FastifyRequest, string>();
  /** Every refusal is audited (refusal-audit.ts) before it is answered. */
  const audited = async <T>(
    request: FastifyRequest,
    operation: string,
    credential: { id: string | null },
    step: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      await auditRefusal(deps, request, operation, credential.id, error);
      throw error;
    }
  };
  return {
    screen(request, operation) {
      operations.set(request, operation);
      const credential = { id: null as string | null };
      return audited(request, operation, credential, () => screen(request, operation, credential));
    },
    verify(request, rawBody) {
      const credential = { id: screened.get(request)?.row.id ?? null };
      return audited(request, operations.get(request) ?? '', credential, () => verify(request, rawBody));
    },
  };

  async function screen(request: FastifyRequest, operation: string, credential: { id: string | null }) {
    const read = readHeaders(request);
    const timestamp = Number(read.timestamp);
    if (Math.abs(deps.clock.now().getTime() - timestamp * 1000) > toleranceMs)
      refuse(
        errors.CALLBACK_TIMESTAMP_OUT_OF_WINDOW,
        'SignX-Timestamp is more than 5 minutes from the server time',
      );
    const row = await repo.credentialByKeyId(deps.db, read.keyId);
    if (!row) refuse(errors.CALLBACK_CREDENTIAL_UNKNOWN, 'No inbound credential has this key id');
    credential.id = row.id;
    if (row.revoked_at || row.is_active !== 1)
      refuse(errors.CALLBACK_CREDENTIAL_REVOKED, 'This inbound credential is revoked or inactive');
    if (!isAllowed(decodeJson<string[]>(row.ip_allow_list) ?? [], request.ip))
      refuse(
        errors.CALLBACK_IP_NOT_ALLOWED,
        "The caller's address is not in this credential's IP allow-list",
      );
    const principal = await callbackPrincipal(deps.ctx, {
      id: row.id,
      name: row.name,
      ownerId: row.owner_id,
      operations: decodeJson<string[]>(row.operations) ?? [],
    });
    if (!principal)
      refuse(errors.CALLBACK_CREDENTIAL_REVOKED, "This inbound credential's owner is not active");
    if (!principal.permissions.has(operation))
      refuse(errors.CALLBACK_OPERATION_NOT_ALLOWED, `This credential may not use ${operation}`);
    screened.set(request, {
      row,
      principal,
      requestId: read.requestId,
      timestamp,
      signature: read.signature,
    });
  }

  async function verify(request: FastifyRequest, rawBody: string): Promise<Principal> {
    const state = screened.get(request);
    if (!state) return refuse(errors.CALLBACK_SIGNATURE_MISSING, 'The callback was not screened');
    const { row, requestId, timestamp } = state;
    const now = deps.clock.now();
    const messageId = `${row.key_id}.${requestId}`;
    const secrets = [row.secret];
    if (row.previous_secret && row.previous_secret_until && row.previous_secret_until > now.toISOString())
      secrets.push(row.previous_secret);
    const matches = secrets.some((sealed) =>
      verifySignature(
        unsealSecret(deps.inboundSealKey, sealed),
        messageId,
        timestamp,
        rawBody,
        state.signature,
      ),
    );
    if (!matches) refuse(errors.CALLBACK_SIGNATURE_INVALID, 'The signature does not match this request');
    const expires = new Date(now.getTime() + 2 * toleranceMs).toISOString();
    if (
      !(await repo.claimNonce(deps.db, {
        credential_id: row.id,
        request_id: requestId,
        expires_at: expires,
      }))
    )
      refuse(errors.CALLBACK_REPLAYED, 'This SignX-Request-Id was already used: sign a new request');
    await repo.updateCredential(deps.db, row.id, {
      last_used_at: now.toISOString(),
      last_used_ip: request.ip ?? null,
    });
    if (Math.random() < 0.01) await repo.purgeNonces(deps.db, now.toISOString());
    return state.principal;
  }
}
