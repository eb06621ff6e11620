import type { DbOrTrx } from '../../../platform/db/schema.js';
import {
  type PreferenceRow,
  type ProfileRow,
  preferencesFor,
  preferencesOfUsers,
  profilesOf,
} from '../preferences/profiles.repository.js';
import {
  findTemplateByCode,
  findTemplatesByCode,
  type TemplateRow,
} from '../templates/templates.repository.js';
import { type Admission, admit } from './admission.policy.js';
import { countRecentSends, type DeliveryRow } from './deliveries.repository.js';

/**
 * The slow-changing facts of a batch of deliveries read in three queries (their templates,
 * their users' preferences and profiles) instead of three per delivery. Read when the
 * batch starts, moments before its sends: a preference changed later applies to the
 * next batch, as it would have to a batch already sent.
 */
export interface AdmissionLookup {
  templates: Map<string, TemplateRow>;
  preferences: Map<string, PreferenceRow[]>;
  profiles: Map<string, ProfileRow>;
}

export async function lookupAdmission(db: DbOrTrx, rows: readonly DeliveryRow[]): Promise<AdmissionLookup> {
  const userIds = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  const [templates, preferences, profiles] = await Promise.all([
    findTemplatesByCode(db, [...new Set(rows.map((r) => r.template_code))]),
    preferencesOfUsers(db, userIds),
    profilesOf(db, userIds),
  ]);
  const byUser = new Map<string, PreferenceRow[]>();
  for (const p of preferences) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
  return { templates: new Map(templates.map((t) => [t.code, t])), preferences: byUser, profiles };
}

/**
 * Reads what the admission policy needs for one delivery (the template's flags and
 * frequency limit, the user's switches, quiet hours and recent sends) and asks it. With a
 * lookup of its batch, only the frequency count (when the template has a limit) is read.
 */
export async function decideAdmission(
  db: DbOrTrx,
  row: DeliveryRow,
  now: Date,
  defaultTimeZone: string,
  lookup?: AdmissionLookup,
): Promise<Admission> {
  const template = lookup
    ? lookup.templates.get(row.template_code)
    : await findTemplateByCode(db, row.template_code);
  const isTransactional = template?.is_transactional === 1;
  if (!row.user_id || isTransactional)
    return admit({ ...baseFacts(row, now), isTransactional, userId: row.user_id });
  const userId = row.user_id;
  const [preferences, profile] = lookup
    ? [
        (lookup.preferences.get(userId) ?? []).filter(
          (p) =>
            (p.category === row.category || p.category === '*') &&
            (p.channel === row.channel || p.channel === '*'),
        ),
        lookup.profiles.get(userId),
      ]
    : await Promise.all([
        preferencesFor(db, userId, row.category, row.channel),
        profilesOf(db, [userId]).then((m) => m.get(userId)),
      ]);
  const limit = template?.frequency_limit ?? null;
  const windowSeconds = template?.frequency_window_seconds ?? 3600;
  const frequency =
    limit && !row.is_digest
      ? {
          limit,
          windowSeconds,
          sentInWindow: await countRecentSends(db, {
            userId,
            template: row.template_code,
            channel: row.channel,
            since: new Date(now.getTime() - windowSeconds * 1000).toISOString(),
          }),
        }
      : null;
  return admit({
    ...baseFacts(row, now),
    isTransactional,
    userId,
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
