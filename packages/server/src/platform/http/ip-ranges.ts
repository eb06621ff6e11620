import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number, so ranges are plain prefix comparisons. */
export interface ParsedIp {
  version: 4 | 6;
  value: bigint;
}

/** A network in CIDR form. */
export interface Cidr {
  version: 4 | 6;
  base: bigint;
  prefix: number;
}

/**
 * A URL's IPv6 host without its brackets (`[::1]` → `::1`); anything else unchanged. URLs
 * keep the brackets, while `isIP`, the policy and DNS want the bare address.
 */
export function unbracketHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1');
}

/** Parses canonical IPv4 or IPv6 text (brackets and a zone id are tolerated); null otherwise. */
export function parseIp(text: string): ParsedIp | null {
  const bare = unbracketHost(text).replace(/%.*$/, '');
  if (isIPv4(bare)) return { version: 4, value: ipv4Value(bare) };
  if (isIPv6(bare)) return { version: 6, value: ipv6Value(bare) };
  return null;
}

function ipv4Value(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  let body = text.toLowerCase();
  const dotted = body.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const v4 = ipv4Value(dotted[1]);
    body = `${body.slice(0, -dotted[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = body.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

/** Parses `10.0.0.0/8`, `fc00::/7` or a single address (a full-length prefix); null if invalid. */
export function parseCidr(text: string): Cidr | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  const ip = parseIp(address);
  if (!ip || extra !== undefined) return null;
  const bits = ip.version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || !/^\d*$/.test(prefixText ?? ''))
    return null;
  return { version: ip.version, base: ip.value, prefix };
}

/** Whether `ip` lies in `cidr`. */
export function cidrContains(cidr: Cidr, ip: ParsedIp): boolean {
  if (cidr.version !== ip.version) return false;
  const shift = BigInt((ip.version === 4 ? 32 : 128) - cidr.prefix);
  return ip.value >> shift === cidr.base >> shift;
}

const table = (entries: Array<[string, string]>) =>
  entries.map(([cidr, label]) => ({ cidr: parseCidr(cidr) as Cidr, label }));

/** IANA special-purpose IPv4 ranges that an outbound request must not reach. */
const blockedV4 = table([
  ['0.0.0.0/8', 'unspecified ("this network")'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'deprecated 6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
]);

/** IPv6 ranges refused outright (everything outside 2000::/3 is refused as well). */
const blockedV6 = table([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'local-use NAT64'],
  ['100::/64', 'discard-only'],
  ['2001::/23', 'IETF protocol assignments (Teredo and others)'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'segment routing'],
  ['fc00::/7', 'unique local (private)'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
]);

const globalUnicastV6 = parseCidr('2000::/3') as Cidr;

/** IPv6 forms that carry an IPv4 address, and where it sits. */
const embeddingV6 = table([
  ['::ffff:0:0/96', 'IPv4-mapped'],
  ['::ffff:0:0:0/96', 'IPv4-translated'],
  ['64:ff9b::/96', 'NAT64'],
  ['::/96', 'IPv4-compatible'],
]);
const sixToFour = parseCidr('2002::/16') as Cidr;

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIpv4(ip: ParsedIp): ParsedIp | null {
  if (ip.version !== 6) return null;
  if (ip.value > 1n && embeddingV6.some((e) => cidrContains(e.cidr, ip))) {
    return { version: 4, value: ip.value & 0xffffffffn };
  }
  if (cidrContains(sixToFour, ip)) return { version: 4, value: (ip.value >> 80n) & 0xffffffffn };
  return null;
}

/**
 * Why an address must not be reached (private, loopback, link-local, …), or null when it is
 * a public address. IPv6 forms that embed an IPv4 address are judged by that address, so
 * `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
export function blockedReason(ip: ParsedIp): string | null {
  const inner = embeddedIpv4(ip);
  if (inner) return blockedReason(inner);
  if (ip.version === 4) {
    if (ip.value === 0xffffffffn) return 'broadcast';
    return blockedV4.find((e) => cidrContains(e.cidr, ip))?.label ?? null;
  }
  const hit = blockedV6.find((e) => cidrContains(e.cidr, ip));
  if (hit) return hit.label;
  return cidrContains(globalUnicastV6, ip) ? null : 'reserved';
}
