import {
  type Cidr,
  cidrContains,
  type ParsedIp,
  parseCidr,
  parseIp,
} from '../../../platform/http/ip-ranges.js';

/**
 * A credential's IP allow-list: CIDRs (IPv4 and IPv6) or single addresses. An IPv4-mapped
 * IPv6 address (`::ffff:192.0.2.7`, what a dual-stack socket reports) is judged as the IPv4
 * address it carries; no other embedding is unwrapped (6to4 or NAT64 prefixes name other hosts).
 */
export function normalizeAllowList(entries: readonly string[]): { list: string[]; invalid: string[] } {
  const list: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const cidr = parseCidr(entry);
    if (!cidr) invalid.push(entry);
    else
      list.push(
        entry.trim().includes('/') ? entry.trim() : `${entry.trim()}/${cidr.version === 4 ? 32 : 128}`,
      );
  }
  return { list: [...new Set(list)], invalid };
}

function unmapped(ip: ParsedIp): ParsedIp {
  if (ip.version === 6 && ip.value >> 32n === 0xffffn) return { version: 4, value: ip.value & 0xffffffffn };
  return ip;
}

/** Whether `address` may call: an empty list allows any address, an unparsable address none. */
export function isAllowed(list: readonly string[], address: string | null | undefined): boolean {
  if (list.length === 0) return true;
  const parsed = address ? parseIp(address) : null;
  if (!parsed) return false;
  const ip = unmapped(parsed);
  return list.some((entry) => {
    const cidr = parseCidr(entry) as Cidr | null;
    return cidr !== null && cidrContains(cidr, ip);
  });
}
