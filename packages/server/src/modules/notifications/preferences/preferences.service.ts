import type { Actor } from '../../../platform/actor.js';
import { systemActor } from '../../../platform/actor.js';
import type { DbOrTrx, Trx } from '../../../platform/db/schema.js';
import { domainError, forbidden, invalid } from '../../../platform/errors.js';
import { assertTimeZone } from '../../../platform/jobs/schedule-definition.js';
import type { NotificationsDeps } from '../notifications.deps.js';
import { notificationsErrors } from '../notifications.errors.js';
import { templateCategories } from '../templates/templates.repository.js';
import * as repo from './profiles.repository.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

/** A user's own notification settings: contact ids, locale, quiet hours and channel switches. */
export interface PreferencesInput {
  locale?: string | null;
  time_zone?: string | null;
  dnd_start?: string | null;
  dnd_end?: string | null;
  dingtalk_id?: string | null;
  feishu_id?: string | null;
  wecom_id?: string | null;
  switches?: { category: string; channel: string; enabled: boolean }[];
}

function me(actor: Actor): string {
  if (!actor.userId) throw forbidden('Only users have notification preferences');
  return actor.userId;
}

export async function myPreferences(db: DbOrTrx, actor: Actor) {
  const userId = me(actor);
  const profile = (await repo.profilesOf(db, [userId])).get(userId);
  const switches = await repo.preferencesOf(db, userId);
  return { profile: profile ?? null, switches, categories: await templateCategories(db) };
}

export async function saveMyPreferences(
  trx: Trx,
  deps: NotificationsDeps,
  actor: Actor,
  input: PreferencesInput,
) {
  const userId = me(actor);
  if (input.time_zone) {
    try {
      assertTimeZone(input.time_zone);
    } catch {
      throw invalid('time_zone', 'is not a known time zone');
    }
  }
  if (((input.dnd_start ?? null) === null) !== ((input.dnd_end ?? null) === null)) {
    throw invalid('dnd_end', 'quiet hours need both a start and an end');
  }
  const now = deps.clock.now().toISOString();
  const current = (await repo.profilesOf(trx, [userId])).get(userId);
  const pick = <K extends keyof PreferencesInput>(key: K) =>
    (input[key] !== undefined ? input[key] : (current?.[key as keyof typeof current] ?? null)) as
      | string
      | null;
  await repo.upsertProfile(trx, {
    user_id: userId,
    locale: pick('locale'),
    time_zone: pick('time_zone'),
    dnd_start: pick('dnd_start'),
    dnd_end: pick('dnd_end'),
    dingtalk_id: pick('dingtalk_id'),
    feishu_id: pick('feishu_id'),
    wecom_id: pick('wecom_id'),
    updated_at: now,
  });
  for (const s of input.switches ?? []) {
    await repo.setPreference(trx, {
      user_id: userId,
      category: s.category,
      channel: s.channel,
      enabled: s.enabled ? 1 : 0,
      updated_at: now,
    });
  }
  return myPreferences(trx, actor);
}

/** What an unsubscribe link stands for, or UNSUBSCRIBE_LINK_INVALID. */
export function unsubscribeTarget(deps: NotificationsDeps, token: string) {
  const target = readUnsubscribeToken(deps.keys.unsubscribe, token);
  if (!target)
    throw domainError(notificationsErrors.UNSUBSCRIBE_LINK_INVALID, 'This unsubscribe link is not valid');
  return target;
}

/** One-click unsubscribe (RFC 8058): email of that category stops for that user; repeating it is harmless. */
export async function unsubscribe(trx: Trx, deps: NotificationsDeps, token: string) {
  const target = unsubscribeTarget(deps, token);
  const now = deps.clock.now().toISOString();
  await repo.setPreference(trx, {
    user_id: target.userId,
    category: target.category,
    channel: 'email',
    enabled: 0,
    updated_at: now,
  });
  await deps.audit.record(
    trx,
    { ...systemActor('notifications.unsubscribe'), userId: target.userId },
    {
      type: 'notifications.preference.unsubscribed',
      entityId: target.userId,
      payload: { category: target.category, channel: 'email' },
    },
  );
  return { category: target.category, channel: 'email', unsubscribed: true };
}
