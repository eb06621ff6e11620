import { isIP } from 'node:net';
import { domainError } from '../../platform/errors.js';
import { cidrContains, parseCidr, parseIp, unbracketHost } from '../../platform/http/ip-ranges.js';
import { createOutboundPolicy } from '../../platform/http/outbound-policy.js';
import { webhooksErrors } from './webhooks.errors.js';

/**
 * An endpoint URL is https, or http only to a host the outbound allow-list names (by name
 * or a CIDR holding the literal address): plain http to the internet would expose payloads.
 * Private targets are refused again by the outbound client at every delivery (the address
 * actually connected to), so a name that later resolves to a private address gets nowhere.
 */
export function checkEndpointUrl(raw: string, allowList: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw domainError(webhooksErrors.WEBHOOK_URL_NOT_ALLOWED, 'The endpoint URL is not a valid absolute URL');
  }
  if (url.username || url.password) {
    throw domainError(webhooksErrors.WEBHOOK_URL_NOT_ALLOWED, 'The endpoint URL may not carry credentials');
  }
  const host = unbracketHost(url.hostname);
  const policy = createOutboundPolicy(allowList);
  const allowListed = policy.isHostAllowListed(host) || literalInAllowList(host, allowList);
  if (url.protocol === 'http:' && !allowListed) {
    throw domainError(
      webhooksErrors.WEBHOOK_URL_NOT_ALLOWED,
      'Use https: plain http is only for allow-listed hosts',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw domainError(webhooksErrors.WEBHOOK_URL_NOT_ALLOWED, 'Only https (or http to allow-listed hosts)');
  }
  if (isIP(host)) {
    try {
      policy.assertAddress(host, host);
    } catch {
      throw domainError(webhooksErrors.WEBHOOK_URL_NOT_ALLOWED, `${host} is not a public address`);
    }
  }
  url.hash = '';
  return url.toString();
}

function literalInAllowList(host: string, allowList: readonly string[]): boolean {
  const ip = parseIp(host);
  if (!ip) return false;
  return allowList.some((entry) => {
    const cidr = parseCidr(entry.trim());
    return cidr !== null && cidrContains(cidr, ip);
  });
}
