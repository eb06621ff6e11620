import type { DbOrTrx } from '../../../platform/db/schema.js';
import { preferencesFor, profilesOf } from '../preferences/profiles.repository.js';
import { findTemplateByCode } from '../templates/templates.repository.js';
import { type Admission, admit } from './admission.policy.js';
import { countRecentSends, type DeliveryRow } from './deliveries.repository.js';

/**
 * Reads what the admission policy needs for one delivery (the template's flags and
 * frequency limit, the user's switches, quiet hours and recent sends) and asks it.
 */
export async function decideAdmission(
  db: DbOrTrx,
  row: DeliveryRow,
  now: Date,
  defaultTimeZone: string,
): Promise<Admission> {
  const template = await findTemplateByCode(db, row.template_code);
  const isTransactional = template?.is_transactional === 1;
  if (!row.user_id || isTransactional)
    return admit({ ...baseFacts(row, now), isTransactional, userId: row.user_id });
  const [preferences, profiles] = await Promise.all([
    preferencesFor(db, row.user_id, row.category, row.channel),
    profilesOf(db, [row.user_id]),
  ]);
  const profile = profiles.get(row.user_id);
  const limit = template?.frequency_limit ?? null;
  const windowSeconds = template?.frequency_window_seconds ?? 3600;
  const frequency =
    limit && !row.is_digest
      ? {
          limit,
          windowSeconds,
          sentInWindow: await countRecentSends(db, {
            userId: row.user_id,
            template: row.template_code,
            channel: row.channel,
            since: new Date(now.getTime() - windowSeconds * 1000).toISOString(),
          }),
        }
      : null;
  return admit({
    ...baseFacts(row, now),
    isTransactional,
    userId: row.user_id,
    preferences: preferences.map((p) => ({
      category: p.category,
      channel: p.channel,
      enabled: p.enabled === 1,
    })),
    quietHours:
      profile?.dnd_start && profile.dnd_end
        ? { start: profile.dnd_start, end: profile.dnd_end, timeZone: profile.time_zone ?? defaultTimeZone }
        : null,
    frequency,
  });
}

function baseFacts(row: DeliveryRow, now: Date) {
  return {
    channel: row.channel,
    category: row.category,
    priority: row.priority,
    isDigest: row.is_digest === 1,
    preferences: [],
    quietHours: null,
    frequency: null,
    now,
  };
}
