import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema, pageSchema } from '../../platform/db/pagination.js';
import { principalOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { credentialReport } from './credentials.service.js';
import type { RecordsDeps } from './records.deps.js';

/**
 * The credential inventory report (21 CFR §11.300(b), seed 002 §10): per user last sign-in,
 * TOTP bound, passkeys and their last use, signature PIN set/expired, dormant. Identity
 * supplies the account side (within the caller's data scope), this module the PIN.
 */
const inventoryQuery = Type.Composite([
  pageQuerySchema(['username', 'created_at', 'last_login_at'], 'username'),
  Type.Object({
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Part of the username or full name' }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('locked'), Type.Literal('disabled')], {
        description: 'Only this account status',
      }),
    ),
    has_totp: Type.Optional(
      Type.Boolean({ description: 'Only users with (true) or without (false) a bound TOTP' }),
    ),
    has_passkey: Type.Optional(
      Type.Boolean({ description: 'Only users with (true) or without (false) a passkey' }),
    ),
    dormant: Type.Optional(
      Type.Boolean({ description: 'true: only dormant accounts (DORMANT_ACCOUNT_DAYS)' }),
    ),
  }),
]);

const inventoryItem = Type.Object({
  user_id: Type.String({ description: 'User id' }),
  username: Type.String({ description: 'Username' }),
  full_name: Type.String({ description: 'Full legal name' }),
  status: Type.String({ description: 'active, locked or disabled' }),
  created_at: Type.String({ description: 'Account created' }),
  last_login_at: Type.Union([Type.String(), Type.Null()], { description: 'Last complete sign-in' }),
  has_totp: Type.Boolean({ description: 'An authenticator (TOTP) is bound' }),
  passkeys: Type.Integer({ description: 'Passkeys not revoked' }),
  passkey_last_used_at: Type.Union([Type.String(), Type.Null()], { description: 'Last use of any of them' }),
  has_pin: Type.Boolean({ description: 'A signature PIN is set' }),
  is_pin_expired: Type.Boolean({ description: 'The PIN is past its expiry' }),
  is_dormant: Type.Boolean({
    description: 'Not disabled and not used for DORMANT_ACCOUNT_DAYS (never, when that is 0)',
  }),
});

const inventoryPage = Type.Composite([
  pageSchema(inventoryItem),
  Type.Object({ dormant_account_days: Type.Integer({ description: 'The dormancy period (0 = off)' }) }),
]);

export function credentialRoutes(deps: RecordsDeps): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/signature/credential-inventory',
      access: { permission: 'records.credentials.read' },
      summary: 'Credential inventory: last use, MFA, passkeys, PIN and dormancy per user (§11.300)',
      querystring: inventoryQuery,
      response: inventoryPage,
      handler: async (request) => {
        const { page, page_size, sort, ...filter } = request.query as Static<typeof inventoryQuery>;
        return credentialReport(deps, principalOf(request), filter, { page, page_size, sort });
      },
    }),
  ];
}
