import { defineIntegrationEvents } from '../../../platform/catalogues/integration-event-catalogue.js';
import type { Trx } from '../../../platform/db/schema.js';
import type { IdentityDeps } from '../identity.deps.js';

/**
 * The user and security events identity emits to other systems (webhooks), each in the
 * transaction of the change it reports. `data` is the account as a directory would need
 * it (id, username, status) and what changed; never a hash, a code or contact details.
 */
export const identityIntegrationEvents = defineIntegrationEvents('identity', {
  'user.created': { description: 'A user account was created', resourceType: 'user' },
  'user.disabled': {
    description: 'A user account was disabled (its sessions and API keys end)',
    resourceType: 'user',
  },
  'user.roles_changed': { description: "A user's roles were changed", resourceType: 'user' },
  'user.locked_out': {
    description: 'Too many wrong passwords or codes locked the account for a while',
    resourceType: 'user',
  },
  'mfa.bound': { description: 'A TOTP authenticator was bound to an account', resourceType: 'user' },
  'mfa.unbound': { description: 'A TOTP authenticator was removed from an account', resourceType: 'user' },
});

type IdentityIntegrationEvent = keyof typeof identityIntegrationEvents.types;

/** Emits one identity event for `user` in `trx` (no-op when the webhooks module is not mounted). */
export async function emitIdentityEvent(
  trx: Trx,
  runtime: IdentityDeps,
  event: IdentityIntegrationEvent,
  user: { id: string; username: string; status: string },
  extra: Record<string, unknown> = {},
): Promise<void> {
  // Loaded late: webhooks depends on identity, so a static import would be a cycle.
  const { webhooks } = await import('../../webhooks/index.js');
  const api = `${runtime.ctx.config.http.publicUrl.replace(/\/+$/, '')}/api/v1`;
  await webhooks.emit(trx, runtime.ctx, {
    type: identityIntegrationEvents.types[event],
    resource_type: 'user',
    resource_id: user.id,
    data: {
      id: user.id,
      username: user.username,
      status: user.status,
      ...extra,
      links: { self: `${api}/users/${user.id}` },
    },
  });
}
