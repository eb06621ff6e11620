import { Type } from '@sinclair/typebox';
import { userView } from './users.schemas.js';

/** What /me answers: the caller's profile, permissions, data scope and MFA state. */
export const meView = Type.Object({
  user: userView,
  permissions: Type.Array(Type.String(), {
    description: 'Every permission the caller holds (a UI hides the rest)',
  }),
  data_scope: Type.Object({
    all: Type.Boolean({ description: 'Sees every row' }),
    department_ids: Type.Array(Type.String(), {
      description: 'Departments whose rows it sees (besides its own)',
    }),
  }),
  mfa: Type.Object({
    totp_bound: Type.Boolean({ description: 'An authenticator app is bound' }),
    required: Type.Boolean({ description: 'One of the caller’s roles requires MFA' }),
  }),
  auth_method: Type.String({ description: 'How this session signed in' }),
  session_id: Type.Union([Type.String(), Type.Null()]),
});
