import type { Actor as PlatformActor } from '../../../platform/actor.js';
import type { Trx } from '../../../platform/db/schema.js';
import {
  type AuditActor,
  type AuditEventInput,
  audit,
  defineAuditEvents,
  systemActor,
} from '../../audit/index.js';

/** The identity module's audit actions; every login and every administrative change records one. */
export const identityEvents = defineAuditEvents('identity', {
  'login.succeeded': 'A user signed in',
  'login.failed': 'A sign-in attempt failed',
  logout: 'A user signed out',
  'token.reuse_detected': 'A used refresh token was presented; its session was revoked',
  'user.created': 'A user account was created',
  'user.updated': 'A user account was changed',
  'user.disabled': 'A user account was disabled',
  'user.enabled': 'A user account was enabled again',
  'user.roles_changed': "A user's roles were changed",
  'password.changed': 'A user changed their password',
  'password.reset_requested': 'A password reset link was issued',
  'password.reset': 'A password was set through a reset link',
  'department.created': 'A department was created',
  'department.updated': 'A department was changed',
  'department.deleted': 'A department was deleted',
  'role.created': 'A role was created',
  'role.updated': 'A role was changed',
  'role.permissions_changed': "A role's permissions were changed",
  'role.deleted': 'A role was deleted',
  'session.kicked': 'An administrator ended a session',
  'mfa.bound': 'A TOTP authenticator was bound',
  'mfa.unbound': 'A TOTP authenticator was removed',
  'mfa.recovery_codes_regenerated': 'New MFA recovery codes were generated',
  'step_up.succeeded': 'A user re-authenticated for a sensitive action',
  'step_up.failed': 'A re-authentication attempt failed',
  'secret.rejected': 'A wrong password or code was given for a signed-in action (counts toward lockout)',
  'user.locked': 'An administrator locked a user account',
  'user.unlocked': 'An administrator unlocked a user account (clearing any lockout)',
  'user.notified': 'A user was told by mail about a change to their account',
  'api_key.created': 'An API key was created',
  'api_key.revoked': 'An API key was revoked',
  'passkey.registered': 'A user registered a WebAuthn passkey',
  'passkey.renamed': 'A user renamed one of their passkeys',
  'passkey.revoked': 'A passkey was revoked (refused at once in every session)',
  'passkey.verified': 'A passkey assertion was accepted',
  'passkey.refused': 'A passkey registration or assertion was refused',
  'passkey.counter_regressed':
    'A passkey presented a signature counter that did not advance: possible cloned authenticator',
});

export type IdentityAction = (typeof identityEvents)[keyof typeof identityEvents];

/** Who acted: the caller (`actorOf(request)` in a route), or the system for CLI and first-start work. */
export type Actor = PlatformActor | AuditActor | string;

function toActor(actor: Actor): AuditActor {
  return typeof actor === 'string' ? systemActor(actor) : actor;
}

/** Records an identity audit event in the caller's transaction. */
export async function recordIdentity(
  trx: Trx,
  actor: Actor,
  event: Omit<AuditEventInput, 'actor' | 'action'> & { action: IdentityAction },
): Promise<void> {
  await audit.record(trx, { ...event, actor: toActor(actor) });
}

/** The actor of a sign-in attempt or a re-authentication: who it names, from where the caller came. */
export function anonymousActor(caller: PlatformActor, name: string, id: string | null = null): AuditActor {
  return {
    type: id ? 'user' : 'anonymous',
    id,
    name,
    authMethod: caller.authMethod,
    requestId: caller.requestId,
    ip: caller.ip,
    userAgent: caller.userAgent,
  };
}
