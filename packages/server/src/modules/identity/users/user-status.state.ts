import type { UsersTable } from '../identity.tables.js';
import type { IdentityAction } from '../shared/identity-audit.js';

/**
 * The user status state machine, as data: `{from, event} -> {to, auditAction}`. A pair not
 * listed is refused (409); nothing is implicit. `unlock` of an active account clears a
 * lockout from failed sign-ins; a disabled account is only ever left by `enable`, so
 * unlocking it can never make it active (and `disabled_at` stays with the disabled state).
 */
export type UserStatus = UsersTable['status'];
export type UserStatusEvent = 'disable' | 'enable' | 'lock' | 'unlock';

export interface UserStatusTransition {
  from: UserStatus;
  event: UserStatusEvent;
  to: UserStatus;
  auditAction: IdentityAction;
  /** The user's sessions end (and API keys are revoked on disable, see docs/identity.md). */
  endsSessions: boolean;
  revokesApiKeys: boolean;
}

export const userStatusTransitions: readonly UserStatusTransition[] = [
  {
    from: 'active',
    event: 'disable',
    to: 'disabled',
    auditAction: 'identity.user.disabled',
    endsSessions: true,
    revokesApiKeys: true,
  },
  {
    from: 'locked',
    event: 'disable',
    to: 'disabled',
    auditAction: 'identity.user.disabled',
    endsSessions: true,
    revokesApiKeys: true,
  },
  {
    from: 'disabled',
    event: 'enable',
    to: 'active',
    auditAction: 'identity.user.enabled',
    endsSessions: false,
    revokesApiKeys: false,
  },
  {
    from: 'active',
    event: 'lock',
    to: 'locked',
    auditAction: 'identity.user.locked',
    endsSessions: true,
    revokesApiKeys: false,
  },
  {
    from: 'locked',
    event: 'unlock',
    to: 'active',
    auditAction: 'identity.user.unlocked',
    endsSessions: false,
    revokesApiKeys: false,
  },
  {
    from: 'active',
    event: 'unlock',
    to: 'active',
    auditAction: 'identity.user.unlocked',
    endsSessions: false,
    revokesApiKeys: false,
  },
];

/** The transition for `event` from `from`, or undefined when the machine has none. */
export function userStatusTransition(
  from: UserStatus,
  event: UserStatusEvent,
): UserStatusTransition | undefined {
  return userStatusTransitions.find((t) => t.from === from && t.event === event);
}
