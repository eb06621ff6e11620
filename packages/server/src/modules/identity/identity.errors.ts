import { type AppError, type DomainErrorCode, defineErrorCodes, domainError } from '../../platform/errors.js';

/**
 * The identity module’s domain error codes: why a signed-in caller was refused (403), or a
 * passkey response was (40125, 401).
 * Each answer also keeps `details.reason` (the code's name in lower case), which clients
 * such as the web app read to move a restricted session to the one task it may do.
 */
export const identityErrors = defineErrorCodes('identity', {
  REAUTHENTICATION_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40302,
    description: 'A sensitive action needs a fresh step-up proof (X-Step-Up-Proof) of the caller’s session',
  },
  PASSWORD_CHANGE_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40303,
    description: 'The session may only change its password until it has done so',
  },
  MFA_ENROLMENT_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40304,
    description: 'A role of the user requires a second factor: the session may only bind one',
  },
  TARGET_OUTRANKS_ACTOR: {
    family: 'FORBIDDEN',
    api: 40305,
    description: 'The user acted on holds permissions or sees data the caller does not',
  },
  SELF_CHANGE: {
    family: 'FORBIDDEN',
    api: 40306,
    description: 'Nobody changes their own department, roles or scope',
  },
  DEPARTMENT_OUTSIDE_SCOPE: {
    family: 'FORBIDDEN',
    api: 40307,
    description: 'A department the caller assigns must lie within the caller’s data scope',
  },
  OWN_ROLE: {
    family: 'FORBIDDEN',
    api: 40308,
    description: 'Nobody changes a role they hold or inherit',
  },
  ROLE_OUTRANKS_ACTOR: {
    family: 'FORBIDDEN',
    api: 40309,
    description: 'The role holds permissions the caller does not',
  },
  SCOPE_BEYOND_ACTOR: {
    family: 'FORBIDDEN',
    api: 40310,
    description: 'A role cannot get a data scope wider than the caller’s own',
  },
  SYSTEM_ROLE_PROTECTION: {
    family: 'FORBIDDEN',
    api: 40311,
    description: 'The MFA requirement of a system role cannot be switched off',
  },
  PASSKEY_REFUSED: {
    family: 'UNAUTHENTICATED',
    api: 40125,
    description:
      'The passkey response was refused: unknown, revoked or another user’s credential, wrong origin or RP id, bad signature, or a used or expired challenge',
  },
  PASSKEY_ACCOUNT_LOCKED: {
    family: 'UNAUTHENTICATED',
    api: 40134,
    description:
      'Too many failed attempts (passwords, codes, PINs and passkey assertions alike): the account is locked for a while',
  },
  PASSKEY_USER_VERIFICATION_REQUIRED: {
    family: 'FORBIDDEN',
    api: 40325,
    description: 'The passkey did not verify the user (UV flag not set), which this action requires',
  },
  PASSKEY_COUNTER_REGRESSION: {
    family: 'FORBIDDEN',
    api: 40326,
    description:
      'The passkey’s signature counter did not advance: a possible cloned authenticator; refused and audited',
  },
});

/** The refusal for `code`, with `details.reason` as clients have always read it. */
export function identityRefusal(code: DomainErrorCode, message: string): AppError {
  return domainError(code, message, { details: { reason: code.name.toLowerCase() } });
}
