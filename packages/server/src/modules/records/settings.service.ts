import type { Actor } from '../../platform/actor.js';
import { newId } from '../../platform/db/ids.js';
import type { Trx } from '../../platform/db/schema.js';
import { domainError, invalid } from '../../platform/errors.js';
import { signingFactors } from '../identity/index.js';
import { type ComponentName, componentNames } from './components.js';
import type { RecordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import * as settings from './settings.repository.js';

/**
 * A person's own signature settings (seed 002 User_Signature_Config, §7.2.1): preferred
 * method, PIN (argon2id through identity's hasher; checked through identity's secret
 * verifier, so the lockout is the account's), PIN expiry and history, passkey (biometric)
 * use. Nobody changes another person's settings.
 */
export type SettingsRow = settings.SettingsRow;
export const PIN_HISTORY = 5;
export const DEFAULT_PIN_EXPIRY_DAYS = 90;

export function defaults(userId: string, now: string): settings.SettingsRow {
  return {
    id: newId(),
    user_id: userId,
    preferred_method: 'password+totp',
    is_biometric_enabled: 0,
    pin_hash: null,
    last_changed_at: now,
    pin_expiry_days: DEFAULT_PIN_EXPIRY_DAYS,
    created_at: now,
    updated_at: now,
  };
}

/** Refuses PINs that are easy to guess: fewer than 6 digits, one repeated digit, a run. */
export function assertPinAllowed(pin: string): void {
  if (!/^\d{6,12}$/.test(pin)) throw invalid('new_pin', 'A PIN is 6 to 12 digits');
  if (/^(\d)\1+$/.test(pin)) throw invalid('new_pin', 'A PIN cannot repeat one digit');
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9)))
    throw invalid('new_pin', 'A PIN cannot be a run of digits');
}

export async function ownSettings(
  trx: Trx,
  deps: RecordsDeps,
  userId: string,
): Promise<settings.SettingsRow> {
  return (await settings.findSettings(trx, userId)) ?? defaults(userId, deps.clock.now().toISOString());
}

export async function updateOwnSettings(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: { preferred_method?: string; pin_expiry_days?: number; is_biometric_enabled?: boolean },
): Promise<settings.SettingsRow> {
  const userId = requireUser(actor);
  if (input.preferred_method !== undefined) {
    const parts = input.preferred_method.split('+');
    if (!parts.every((p) => componentNames.includes(p as ComponentName)))
      throw invalid('preferred_method', `Use components joined by +: ${componentNames.join(', ')}`);
  }
  const now = deps.clock.now().toISOString();
  const existing = await settings.findSettings(trx, userId);
  const changes = {
    ...(input.preferred_method !== undefined ? { preferred_method: input.preferred_method } : {}),
    ...(input.pin_expiry_days !== undefined ? { pin_expiry_days: input.pin_expiry_days } : {}),
    ...(input.is_biometric_enabled !== undefined
      ? { is_biometric_enabled: input.is_biometric_enabled ? 1 : 0 }
      : {}),
    updated_at: now,
  };
  if (existing) await settings.updateSettings(trx, userId, changes);
  else await settings.insertSettings(trx, { ...defaults(userId, now), ...changes });
  await deps.audit.record(trx, actor, {
    type: 'records.settings.changed',
    entityId: userId,
    payload: { fields: Object.keys(changes).filter((k) => k !== 'updated_at') },
  });
  return ownSettings(trx, deps, userId);
}

/**
 * Sets a new PIN; the caller verified the password (outside the transaction). The hash of
 * the new PIN is compared with the last PIN_HISTORY ones.
 */
export async function storePin(
  trx: Trx,
  deps: RecordsDeps,
  actor: Actor,
  input: { pin: string; pinHash: string },
): Promise<settings.SettingsRow> {
  const userId = requireUser(actor);
  const existing = await settings.findSettings(trx, userId);
  const previous = await settings.recentPinHashes(trx, userId, PIN_HISTORY);
  for (const hashed of previous)
    if (await signingFactors.matches(deps.ctx, hashed, input.pin))
      throw invalid('new_pin', 'This PIN was used recently; choose another one');
  const now = deps.clock.now().toISOString();
  if (existing)
    await settings.updateSettings(trx, userId, {
      pin_hash: input.pinHash,
      last_changed_at: now,
      updated_at: now,
    });
  else await settings.insertSettings(trx, { ...defaults(userId, now), pin_hash: input.pinHash });
  await settings.insertPinHistory(trx, {
    id: newId(),
    user_id: userId,
    pin_hash: input.pinHash,
    created_at: now,
  });
  await deps.audit.record(trx, actor, {
    type: 'records.settings.changed',
    entityId: userId,
    payload: { fields: ['pin'] },
  });
  return ownSettings(trx, deps, userId);
}

/** Checks the PIN and the current password before the transaction (identity's verifier). */
export async function preparePin(deps: RecordsDeps, actor: Actor, input: { password: string; pin: string }) {
  const userId = requireUser(actor);
  assertPinAllowed(input.pin);
  const verdict = await signingFactors.verify(deps.ctx, actor, {
    userId,
    kind: 'password',
    secret: input.password,
  });
  if (!verdict.ok)
    throw invalid(
      'password',
      verdict.reason === 'locked_out'
        ? 'Too many wrong attempts: the account is locked for a while'
        : 'The password is not correct',
    );
  return { pin: input.pin, pinHash: await signingFactors.hash(deps.ctx, input.pin) };
}

function requireUser(actor: Actor): string {
  if (actor.type !== 'user' || !actor.userId)
    throw domainError(recordsErrors.NOT_OWN_SIGNATURE, 'Signature settings belong to a signed-in person');
  return actor.userId;
}
