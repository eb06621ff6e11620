import { AppError } from '../errors.js';
import {
  blockedReason,
  type Cidr,
  cidrContains,
  embeddedIpv4,
  parseCidr,
  parseIp,
  unbracketHost,
} from './ip-ranges.js';

/** Decides which hosts and addresses outbound requests may reach. */
export interface OutboundPolicy {
  /** True when the host name itself is allow-listed (any address it resolves to is fine). */
  isHostAllowListed(hostname: string): boolean;
  /** Throws OUTBOUND_REFUSED when `address`, reached for `hostname`, is not permitted. */
  assertAddress(hostname: string, address: string): void;
}

/**
 * Builds the policy from an allow-list of CIDRs (`10.1.0.0/16`, `::1`), exact host names
 * (`tsa.internal`) and suffix wildcards (`*.corp.example`). Everything public is allowed;
 * private, loopback and other special ranges only when the list names them.
 */
export function createOutboundPolicy(allowList: readonly string[] = []): OutboundPolicy {
  const networks: Cidr[] = [];
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of allowList) {
    const entry = raw.trim().toLowerCase();
    const cidr = parseCidr(entry);
    if (cidr) networks.push(cidr);
    else if (/^\*\.[a-z0-9.-]+$/.test(entry)) suffixes.push(entry.slice(1));
    else if (/^[a-z0-9.-]+$/.test(entry) && !/^[\d.]+$/.test(entry)) hosts.add(normalizeHost(entry));
    else throw invalidEntry(raw);
  }
  const isHostAllowListed = (hostname: string): boolean => {
    const host = normalizeHost(hostname);
    return hosts.has(host) || suffixes.some((suffix) => host.endsWith(suffix));
  };
  return {
    isHostAllowListed,
    assertAddress(hostname: string, address: string): void {
      if (isHostAllowListed(hostname)) return;
      const ip = parseIp(address);
      if (!ip) throw refused(`${address} is not an IP address`);
      const inner = embeddedIpv4(ip);
      if (networks.some((n) => cidrContains(n, ip) || (inner !== null && cidrContains(n, inner)))) return;
      const reason = blockedReason(ip);
      const target = normalizeHost(hostname) === address ? address : `${hostname} (${address})`;
      if (reason) throw refused(`${target} is not a public address (${reason})`);
    },
  };
}

/** The refusal every outbound check raises: plain words, safe to show an administrator. */
export function refused(message: string): AppError {
  return new AppError('OUTBOUND_REFUSED', `Outbound request refused: ${message}`);
}

function normalizeHost(hostname: string): string {
  return unbracketHost(hostname.toLowerCase()).replace(/\.$/, '');
}

function invalidEntry(entry: string): AppError {
  return new AppError('VALIDATION', 'The outbound allow-list is not valid', {
    fieldErrors: [{ field: 'allowList', message: `"${entry}" is neither a CIDR nor a host name` }],
  });
}
