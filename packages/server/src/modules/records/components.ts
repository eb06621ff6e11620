import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { type SignerIdentity, signingFactors } from '../identity/index.js';
import { type SettingsRow, upgradePinHash } from './settings.repository.js';

/**
 * The ceremony components (seed 002 §5.1.1, §11.200): each one a way to prove "it is me".
 * Password and TOTP are checked by identity's secret verifier, the PIN too (against the hash
 * kept in the user's signature settings). A passkey is a WebAuthn assertion with user
 * verification required, checked by identity's passkey verifier; it is available once the
 * user has a passkey and allowed its use in the signature settings.
 */
export type ComponentName = 'password' | 'totp' | 'pin' | 'passkey';
export const componentNames: readonly ComponentName[] = ['password', 'totp', 'pin', 'passkey'];

export type ComponentVerdict = { ok: true } | { ok: false; reason: string };

export interface ComponentContext {
  ctx: AppContext;
  actor: Actor;
  userId: string;
  settings: SettingsRow | undefined;
  hasTotp: boolean;
  hasPasskey: boolean;
  now: Date;
  /** The signer as read for this ceremony: identity's verifier then reads the account no more. */
  signer?: SignerIdentity;
}

export interface CeremonyComponent {
  name: ComponentName;
  factor: 'knowledge' | 'possession' | 'inherence';
  /** May alone continue a live signing session (a private component, §11.200(a)(1)(ii)). */
  continuesSession: boolean;
  available(c: ComponentContext): boolean;
  verify(c: ComponentContext, credential: string): Promise<ComponentVerdict>;
}

const secret =
  (kind: 'password' | 'totp' | 'pin') =>
  async (c: ComponentContext, credential: string, pinHash?: string | null): Promise<ComponentVerdict> => {
    const verdict = await signingFactors.verify(c.ctx, c.actor, {
      userId: c.userId,
      kind,
      secret: credential,
      signer: c.signer,
      ...(pinHash !== undefined ? { pinHash } : {}),
    });
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    // An argon2id PIN hash (or one under a retired key) becomes the keyed form on its next use.
    if (verdict.rehash && pinHash) {
      const to = verdict.rehash;
      await inTransaction(c.ctx.db, (trx) => upgradePinHash(trx, { userId: c.userId, from: pinHash, to }));
    }
    return { ok: true };
  };

const DAY = 86_400_000;
export const isPinExpired = (settings: SettingsRow, now: Date): boolean =>
  settings.pin_expiry_days > 0 &&
  new Date(settings.last_changed_at).getTime() + settings.pin_expiry_days * DAY <= now.getTime();

export const components: Record<ComponentName, CeremonyComponent> = {
  password: {
    name: 'password',
    factor: 'knowledge',
    continuesSession: false,
    available: () => true,
    verify: secret('password'),
  },
  totp: {
    name: 'totp',
    factor: 'possession',
    continuesSession: true,
    available: (c) => c.hasTotp,
    verify: secret('totp'),
  },
  pin: {
    name: 'pin',
    factor: 'knowledge',
    continuesSession: true,
    available: (c) => Boolean(c.settings?.pin_hash),
    verify: async (c, credential) => {
      if (c.settings && isPinExpired(c.settings, c.now)) return { ok: false, reason: 'pin_expired' };
      return secret('pin')(c, credential, c.settings?.pin_hash ?? null);
    },
  },
  passkey: {
    name: 'passkey',
    factor: 'inherence',
    continuesSession: true,
    available: (c) => c.hasPasskey && c.settings?.is_biometric_enabled === 1,
    verify: (c, credential) =>
      signingFactors.verifyPasskey(c.ctx, c.actor, { userId: c.userId, assertion: credential }),
  },
};

/** Which components a user can use now, for the settings page and the ceremony dialog. */
export function availableComponents(c: ComponentContext): { name: ComponentName; available: boolean }[] {
  return componentNames.map((name) => ({ name, available: components[name].available(c) }));
}
