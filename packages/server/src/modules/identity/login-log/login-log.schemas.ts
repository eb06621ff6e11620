import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';

export const loginLogEntry = Type.Object({
  id: Type.String(),
  user_id: Type.Union([Type.String(), Type.Null()], {
    description: 'Null when the username matched no account',
  }),
  username: Type.String({ description: 'The username as typed' }),
  at: Type.String(),
  ip: Type.String(),
  user_agent: Type.String(),
  method: Type.String({ description: 'password, password+totp, step_up:..., ...' }),
  result: Type.String({ description: 'success, failure or challenge (second factor requested)' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Why it failed' }),
});

export const loginLogQuery = Type.Composite([
  pageQuerySchema(['at'], 'at'),
  Type.Object({
    user_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user' })),
    result: Type.Optional(
      Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('challenge')]),
    ),
    ip: Type.Optional(Type.String({ maxLength: 64, description: 'Only this client address' })),
  }),
]);
