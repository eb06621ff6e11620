import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { unbracketHost } from './ip-ranges.js';
import type { OutboundPolicy } from './outbound-policy.js';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A DNS lookup that checks every address a name resolves to before the socket may use
 * any of them. Resolving once, here, is what defeats DNS rebinding: the address checked is
 * the address connected to.
 */
export function guardedLookup(policy: OutboundPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      try {
        if (addresses.length === 0) throw new Error(`${hostname} did not resolve`);
        for (const entry of addresses) policy.assertAddress(hostname, entry.address);
      } catch (refusal) {
        return callback(refusal as Error, '');
      }
      const first = addresses[0] as LookupAddress;
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici Agent whose every socket passes the policy: IP-literal hosts (which never reach
 * a lookup) are checked before connecting, names through `guardedLookup`, and the peer
 * address of the connected socket once more as a last line of defence.
 */
export function createGuardedAgent(policy: OutboundPolicy, connectTimeoutMs: number): Agent {
  const base = buildConnector({ lookup: guardedLookup(policy), timeout: connectTimeoutMs });
  const connect: buildConnector.connector = (options, callback) => {
    const host = unbracketHost(options.hostname);
    try {
      if (isIP(host)) policy.assertAddress(host, host);
    } catch (refusal) {
      return callback(refusal as Error, null);
    }
    base(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null);
      try {
        policy.assertAddress(host, socket.remoteAddress ?? 'unknown');
      } catch (refusal) {
        socket.destroy();
        return callback(refusal as Error, null);
      }
      callback(null, socket);
    });
  };
  return new Agent({ connect });
}
