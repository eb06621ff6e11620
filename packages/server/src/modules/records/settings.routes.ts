import { Type } from '@sinclair/typebox';
import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { componentContext } from './ceremony.service.js';
import { componentNames } from './components.js';
import type { RecordsDeps } from './records.deps.js';
import { presentSettings } from './settings.presenter.js';
import {
  ownSettings,
  preparePin,
  type SettingsRow,
  storePin,
  updateOwnSettings,
} from './settings.service.js';

/** My signature settings (seed 002 §7.2.1): read, change, set the PIN. Own settings only. */
const settingsView = Type.Object({
  preferred_method: Type.String({ description: 'Preferred components, joined by +' }),
  is_biometric_enabled: Type.Boolean({ description: 'Whether a passkey (user verification) may be used' }),
  has_pin: Type.Boolean({ description: 'Whether a PIN is set' }),
  is_pin_expired: Type.Boolean({ description: 'Whether the PIN expired' }),
  pin_expiry_days: Type.Integer({ description: 'Days a PIN stays valid (0: no expiry)' }),
  last_changed_at: Type.String({ description: 'When the PIN was last set' }),
  components: Type.Array(
    Type.Object({
      name: Type.Union(
        componentNames.map((n) => Type.Literal(n)),
        { description: 'Component' },
      ),
      available: Type.Boolean({
        description: 'Usable now (passkey: a passkey registered and its use allowed here)',
      }),
    }),
    { description: 'Ceremony components and whether each is available to you' },
  ),
});

const settingsChange = Type.Object(
  {
    preferred_method: Type.Optional(Type.String({ maxLength: 50, description: 'e.g. password+totp' })),
    pin_expiry_days: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 365, description: 'PIN validity, days' }),
    ),
    is_biometric_enabled: Type.Optional(Type.Boolean({ description: 'Allow a passkey in ceremonies' })),
  },
  { additionalProperties: false },
);

const pinChange = Type.Object(
  {
    password: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Current password (re-authentication)',
    }),
    new_pin: Type.String({ minLength: 1, maxLength: 12, description: 'New PIN, 6 to 12 digits' }),
  },
  { additionalProperties: false },
);

export function settingsRoutes(deps: RecordsDeps): RouteDefinition[] {
  const present = async (row: SettingsRow, actor: ReturnType<typeof actorOf>) =>
    presentSettings(row, await componentContext(deps, actor, row.user_id, deps.clock.now()));
  return [
    defineRoute({
      method: 'GET',
      url: '/signature/settings',
      access: { authenticated: true },
      summary: 'My signature settings',
      response: settingsView,
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await inTransaction(deps.db, (trx) => ownSettings(trx, deps, actor.userId ?? ''));
        return present(row, actor);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/signature/settings',
      access: { authenticated: true },
      summary: 'Change my preferred method, PIN expiry or passkey use',
      body: settingsChange,
      response: settingsView,
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await inTransaction(deps.db, (trx) => updateOwnSettings(trx, deps, actor, request.body));
        return present(row, actor);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/signature/settings/pin',
      access: { authenticated: true },
      summary: 'Set my signature PIN (needs my password)',
      description: 'The PIN is hashed (argon2id) and may not repeat one of the last five.',
      body: pinChange,
      response: settingsView,
      handler: async (request) => {
        const actor = actorOf(request);
        const prepared = await preparePin(deps, actor, {
          password: request.body.password,
          pin: request.body.new_pin,
        });
        const row = await inTransaction(deps.db, (trx) => storePin(trx, deps, actor, prepared));
        return present(row, actor);
      },
    }),
  ];
}
