import { decodeJson } from '../../platform/db/json-codec.js';
import { invalid } from '../../platform/errors.js';
import { type Cidr, cidrContains, type ParsedIp, parseCidr, parseIp } from '../../platform/http/ip-ranges.js';
import type { PolicyRow } from './policies.repository.js';

/**
 * Time and place rules of a signature policy (seed 002 §10.1.2): allowed time windows
 * (weekdays + HH:MM range, read in the policy's IANA time zone) and allowed network ranges
 * (CIDR, IPv4 and IPv6). Evaluated with the server's clock and the server-resolved client IP.
 */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];
export interface TimeWindow {
  days: Weekday[];
  /** HH:MM, inclusive. */
  start: string;
  /** HH:MM, exclusive; 24:00 = end of day. */
  end: string;
}

const hhmm = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(text: string): number | null {
  const m = hhmm.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes > 1440 ? null : minutes;
}

/** Validates windows, networks and zone of a policy input; returns the stored JSON columns. */
export function timePlaceFields(input: {
  allowed_time_windows?: TimeWindow[] | null | undefined;
  allowed_networks?: string[] | null | undefined;
  time_zone?: string | null | undefined;
}) {
  const windows = input.allowed_time_windows ?? null;
  for (const [i, w] of (windows ?? []).entries()) {
    const start = minutesOf(w.start);
    const end = minutesOf(w.end);
    if (start === null || end === null || start >= end || start === 1440)
      throw invalid(`allowed_time_windows.${i}`, 'A window is HH:MM to a later HH:MM (24:00 at most)');
  }
  const networks = input.allowed_networks ?? null;
  for (const [i, text] of (networks ?? []).entries())
    if (!parseStrictCidr(text)) throw invalid(`allowed_networks.${i}`, `"${text}" is not a CIDR range`);
  const zone = input.time_zone ?? null;
  if (zone !== null && !validZone(zone)) throw invalid('time_zone', `Unknown time zone "${zone}"`);
  return {
    allowed_time_windows: windows ? JSON.stringify(windows) : null,
    allowed_networks: networks ? JSON.stringify(networks.map((n) => n.trim())) : null,
    time_zone: zone,
  };
}

function parseStrictCidr(text: string): Cidr | null {
  if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text.trim())) return null;
  return parseCidr(text.trim());
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Weekday and minute of the day of `now` in `zone`. */
export function localTime(now: Date, zone: string): { day: Weekday; minutes: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('weekday').toLowerCase().slice(0, 3) as Weekday;
  const hour = Number(part('hour')) % 24;
  return { day, hour, minutes: hour * 60 + Number(part('minute')) };
}

export type TimePlaceRefusal = 'outside_time_window' | 'outside_network';

/** Why the policy refuses signing at `now` from `ip`, or null when it allows it. */
export function timePlaceRefusal(
  policy: Pick<PolicyRow, 'allowed_time_windows' | 'allowed_networks' | 'time_zone'>,
  now: Date,
  ip: string | null,
): TimePlaceRefusal | null {
  const windows = decodeJson<TimeWindow[]>(policy.allowed_time_windows);
  if (windows && windows.length > 0) {
    const local = localTime(now, policy.time_zone ?? 'UTC');
    const inside = windows.some(
      (w) =>
        w.days.includes(local.day) &&
        local.minutes >= (minutesOf(w.start) ?? 0) &&
        local.minutes < (minutesOf(w.end) ?? 0),
    );
    if (!inside) return 'outside_time_window';
  }
  const networks = decodeJson<string[]>(policy.allowed_networks);
  if (networks && networks.length > 0) {
    const parsed = ip ? parseIp(ip) : null;
    const addresses = parsed ? [parsed, mappedIpv4(parsed)].filter((a) => a !== null) : [];
    const inside = networks.some((text) => {
      const cidr = parseCidr(text);
      return cidr !== null && addresses.some((a) => a.version === cidr.version && cidrContains(cidr, a));
    });
    if (!inside) return 'outside_network';
  }
  return null;
}

/** The /24 (IPv4) or /48 (IPv6) network of an address, as text; null for no address. */
export function networkOf(ip: string | null): string | null {
  const parsed = ip ? parseIp(ip) : null;
  if (!parsed) return null;
  const v4 = parsed.version === 4 ? parsed : mappedIpv4(parsed);
  if (v4) {
    const base = v4.value & ~0xffn;
    return `${[24n, 16n, 8n, 0n].map((s) => (base >> s) & 0xffn).join('.')}/24`;
  }
  const base = parsed.value >> 80n;
  const groups = [32n, 16n, 0n].map((s) => ((base >> s) & 0xffffn).toString(16));
  return `${groups.join(':')}::/48`;
}

/** The IPv4 address of an IPv4-mapped IPv6 address (::ffff:a.b.c.d), as dual-stack sockets report it. */
function mappedIpv4(ip: ParsedIp): ParsedIp | null {
  if (ip.version !== 6 || ip.value >> 32n !== 0xffffn) return null;
  return { version: 4, value: ip.value & 0xffffffffn };
}
