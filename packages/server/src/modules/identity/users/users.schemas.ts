import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';
import { displayName } from '../../../platform/http/text-schemas.js';

const strict = { additionalProperties: false } as const;

export const userView = Type.Object({
  id: Type.String({ description: 'Immutable id, never reused' }),
  username: Type.String({ description: 'Unique sign-in name (lower case)' }),
  full_name: Type.String({ description: 'Full legal name (used in signature manifestations)' }),
  email: Type.Union([Type.String(), Type.Null()], { description: 'Email address' }),
  phone: Type.Union([Type.String(), Type.Null()], {
    description: 'Phone; masked (138****1234) without user.phone.view',
  }),
  department_id: Type.Union([Type.String(), Type.Null()], { description: 'Department' }),
  status: Type.String({ description: 'active, locked or disabled' }),
  identity_level: Type.String({ description: 'Identity assurance level (e.g. internal, verified)' }),
  roles: Type.Array(Type.String(), { description: 'Role codes' }),
  locked_until: Type.Union([Type.String(), Type.Null()], {
    description: 'End of a lockout after failed sign-ins',
  }),
  must_change_password: Type.Boolean({ description: 'The user must set a new password' }),
  last_login_at: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
  updated_at: Type.String(),
  disabled_at: Type.Union([Type.String(), Type.Null()]),
});

const username = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$',
  description: 'Sign-in name: 3–64 letters, digits, dot, dash, underscore (stored lower case)',
});
const fullName = displayName({ description: 'Full legal name (used in signature manifestations)' });
const email = Type.String({ format: 'email', maxLength: 320, description: 'Email address' });
const phone = Type.String({ pattern: '^[+0-9][0-9 -]{5,30}$', description: 'Phone number' });
const departmentId = Type.String({ format: 'uuid', description: 'Department id' });
const identityLevel = Type.String({ minLength: 1, maxLength: 32, description: 'Identity assurance level' });
const roleCodes = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
  maxItems: 50,
  uniqueItems: true,
  description: 'Role codes; you can only grant roles whose permissions you hold yourself',
});

export const createUserBody = Type.Object(
  {
    username,
    full_name: fullName,
    email,
    phone: Type.Optional(phone),
    department_id: Type.Optional(departmentId),
    identity_level: Type.Optional(identityLevel),
    roles: Type.Optional(roleCodes),
  },
  strict,
);

/** Administrator changes: no status, no roles, no password (each has its own endpoint). */
export const updateUserBody = Type.Object(
  {
    full_name: Type.Optional(fullName),
    email: Type.Optional(email),
    phone: Type.Optional(Type.Union([phone, Type.Null()])),
    department_id: Type.Optional(Type.Union([departmentId, Type.Null()])),
    identity_level: Type.Optional(identityLevel),
  },
  { ...strict, minProperties: 1 },
);

/** What a user may change about themselves. */
export const profileBody = Type.Object(
  {
    full_name: Type.Optional(fullName),
    email: Type.Optional(email),
    phone: Type.Optional(Type.Union([phone, Type.Null()])),
    current_password: Type.Optional(
      Type.String({ maxLength: 200, description: 'Required when changing your own email address' }),
    ),
  },
  { ...strict, minProperties: 1 },
);

export const rolesBody = Type.Object({ roles: roleCodes }, strict);
export const userParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'User id' }) });
export const reasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why (kept in the audit trail)' })) },
  strict,
);

export const userListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'username', 'full_name'], 'created_at'),
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Filter by username or name (contains)' })),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('locked'), Type.Literal('disabled')]),
    ),
    department_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this department' })),
  }),
]);

export const createdUser = Type.Composite([
  userView,
  Type.Object({
    password_setup: Type.Union(
      [Type.Object({ delivery: Type.Literal('email'), expires_at: Type.String() }), Type.Null()],
      {
        description: 'How the user receives the link to set their password (null: no email address)',
      },
    ),
  }),
]);

export const resetResult = Type.Object({
  delivery: Type.Literal('email', { description: 'The link went to the user’s email address' }),
  expires_at: Type.String({ description: 'When the link expires' }),
});

/** Changes to another user's email, password or MFA need the administrator's step-up proof. */
export const stepUpHeaders = Type.Object({
  'x-step-up-proof': Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Single-use proof from POST /auth/step-up; required to change another user’s email, reset their password or remove their MFA',
    }),
  ),
});
