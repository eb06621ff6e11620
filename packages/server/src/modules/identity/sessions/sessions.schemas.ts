import { Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../../platform/db/pagination.js';

export const sessionView = Type.Object({
  id: Type.String(),
  user_id: Type.String(),
  username: Type.String(),
  full_name: Type.String(),
  auth_method: Type.String({ description: 'How the session signed in (password, password+totp, ...)' }),
  ip: Type.String(),
  user_agent: Type.String(),
  created_at: Type.String(),
  last_seen_at: Type.String({ description: 'Last activity (updated at most once a minute)' }),
  expires_at: Type.String(),
  current: Type.Boolean({ description: 'This is the caller’s own session' }),
});

export const sessionListQuery = Type.Composite([
  pageQuerySchema(['last_seen_at', 'created_at'], 'last_seen_at'),
  Type.Object({
    user_id: Type.Optional(Type.String({ format: 'uuid', description: 'Only this user’s sessions' })),
  }),
]);

export const sessionParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Session id' }) });
