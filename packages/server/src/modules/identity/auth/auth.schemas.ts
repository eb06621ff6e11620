import { Type } from '@sinclair/typebox';

/** Request and response schemas of /auth/*: strict bodies, every field described. */
const strict = { additionalProperties: false } as const;

export const loginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 128, description: 'Username (case-insensitive)' }),
    password: Type.String({ minLength: 1, maxLength: 256, description: 'Password' }),
  },
  strict,
);

export const tokenPair = Type.Object({
  access_token: Type.String({ description: 'JWT for `Authorization: Bearer`; valid ACCESS_TOKEN_MINUTES' }),
  refresh_token: Type.String({ description: 'Single-use refresh token; each refresh returns a new one' }),
  token_type: Type.Literal('Bearer'),
  expires_in: Type.Integer({ description: 'Access token lifetime in seconds' }),
  session_id: Type.String({ description: 'Session id (listed under /sessions)' }),
});

export const loginResult = Type.Object({
  status: Type.Union([Type.Literal('authenticated'), Type.Literal('mfa_required')], {
    description: 'authenticated: tokens are present; mfa_required: finish with /auth/mfa/verify',
  }),
  tokens: Type.Optional(tokenPair),
  must_change_password: Type.Optional(
    Type.Boolean({
      description: 'Only /auth/password/change, /me and /auth/logout work until it is changed',
    }),
  ),
  mfa_enrolment_required: Type.Optional(
    Type.Boolean({
      description:
        'A role requires MFA and no factor is bound yet: only /auth/mfa/bind, /auth/mfa/bind/confirm, /auth/password/change, /me and /auth/logout work until an authenticator is bound',
    }),
  ),
  challenge_token: Type.Optional(Type.String({ description: 'Single-use token for the second step' })),
  methods: Type.Optional(Type.Array(Type.String(), { description: 'Second factors this user can use' })),
  expires_at: Type.Optional(Type.String({ description: 'When the challenge expires' })),
});

export const secondFactorMethod = Type.Union(
  [Type.Literal('totp'), Type.Literal('email'), Type.Literal('recovery')],
  {
    description: 'totp: authenticator app; email: mailed code; recovery: one of the recovery codes',
  },
);

export const mfaVerifyBody = Type.Object(
  {
    challenge_token: Type.String({ minLength: 10, maxLength: 200, description: 'From the login response' }),
    method: secondFactorMethod,
    code: Type.String({ minLength: 4, maxLength: 64, description: 'The one-time code' }),
  },
  strict,
);

export const challengeBody = Type.Object(
  { challenge_token: Type.String({ minLength: 10, maxLength: 200, description: 'From the login response' }) },
  strict,
);

export const refreshBody = Type.Object(
  { refresh_token: Type.String({ minLength: 10, maxLength: 200, description: 'The latest refresh token' }) },
  strict,
);

const newPassword = Type.String({
  minLength: 1,
  maxLength: 256,
  description:
    'New password: the configured profile (ops: length, upper, lower, digit, special; asvs: length 12+), not breached or common, not containing the username/name/email, not recently used',
});

export const passwordChangeBody = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: 256, description: 'The current password' }),
    new_password: newPassword,
  },
  strict,
);

export const resetRequestBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 128, description: 'Username of the account' }) },
  strict,
);

export const resetBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200, description: 'Token from the emailed link' }),
    new_password: newPassword,
  },
  strict,
);

export const expiresAt = Type.Object({
  expires_at: Type.String({ description: 'When the code or link expires' }),
});
export const accepted = Type.Object({
  accepted: Type.Boolean({ description: 'Always true: the answer never reveals whether the account exists' }),
});
export const done = Type.Object({ done: Type.Boolean({ description: 'The operation completed' }) });
