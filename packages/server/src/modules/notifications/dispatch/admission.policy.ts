import type { Channel, Priority } from '../notifications.tables.js';

/**
 * Whether a delivery may go out now: the one place where preferences, unsubscribes, quiet
 * hours and frequency limits are decided. The dispatcher asks this for every delivery it
 * is about to send (first sends, retries, resends, digests alike), so no path can skip it.
 * Pure: the dispatcher reads the facts, this decides.
 */
export interface AdmissionFacts {
  channel: Channel;
  category: string;
  priority: Priority;
  isTransactional: boolean;
  isDigest: boolean;
  /** Only deliveries to a user have preferences, quiet hours and frequency limits. */
  userId: string | null;
  /** The user's switches for this category or '*', this channel or '*'. */
  preferences: { category: string; channel: string; enabled: boolean }[];
  quietHours: { start: string; end: string; timeZone: string } | null;
  frequency: { limit: number; windowSeconds: number; sentInWindow: number } | null;
  now: Date;
}

export type Admission =
  | { action: 'send' }
  | { action: 'suppress'; reason: string }
  | { action: 'defer'; until: Date; reason: string }
  | { action: 'hold'; until: Date; reason: string };

export function admit(facts: AdmissionFacts): Admission {
  if (facts.isTransactional || facts.userId === null) return { action: 'send' };
  const off = disabledBy(facts);
  if (off) return { action: 'suppress', reason: off };
  if (facts.quietHours && facts.priority !== 'urgent' && facts.channel !== 'in_app') {
    const end = quietUntil(facts.quietHours, facts.now);
    if (end) return { action: 'defer', until: end, reason: 'do-not-disturb hours' };
  }
  const f = facts.frequency;
  if (f && !facts.isDigest && f.sentInWindow >= f.limit) {
    return {
      action: 'hold',
      until: new Date(facts.now.getTime() + f.windowSeconds * 1000),
      reason: `frequency limit: ${f.limit} per ${f.windowSeconds} s`,
    };
  }
  return { action: 'send' };
}

/** The most specific switch wins: category+channel, then category, then channel, then all. */
function disabledBy(facts: AdmissionFacts): string | null {
  const rank = (p: { category: string; channel: string }) =>
    (p.category === facts.category ? 2 : 0) + (p.channel === facts.channel ? 1 : 0);
  const relevant = facts.preferences
    .filter(
      (p) =>
        (p.category === facts.category || p.category === '*') &&
        (p.channel === facts.channel || p.channel === '*'),
    )
    .sort((a, b) => rank(b) - rank(a));
  const decisive = relevant[0];
  if (!decisive || decisive.enabled) return null;
  return `the recipient turned off ${decisive.category === '*' ? 'all categories' : decisive.category} on ${decisive.channel === '*' ? 'every channel' : decisive.channel}`;
}

/** When quiet hours end, if `now` is inside them (windows may cross midnight). */
export function quietUntil(q: { start: string; end: string; timeZone: string }, now: Date): Date | null {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const local = localMinutes(now, q.timeZone);
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start === end) return null;
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return null;
  const wait = (end - local + 1440) % 1440;
  const until = new Date(now.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}

function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}
