import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { blockedReason, parseIp } from './ip-ranges.js';
import { createOutboundPolicy } from './outbound-policy.js';

const blocked = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified ("this network")'],
  ['224.0.0.251', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['198.18.0.1', 'benchmarking'],
  ['192.0.2.10', 'documentation'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'unique local (private)'],
  ['fd12:3456:789a::1', 'unique local (private)'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['[fe80::abcd]', 'link-local'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'multicast'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::127.0.0.1', 'loopback'],
  ['::ffff:0:7f00:1', 'loopback'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['64:ff9b:1::1', 'local-use NAT64'],
  ['2002:7f00:1::1', 'loopback'],
  ['2001:db8::1', 'documentation'],
  ['2001::1', 'IETF protocol assignments (Teredo and others)'],
  ['100::1', 'discard-only'],
  ['::1:0:0:1', 'reserved'],
  ['::2:1', 'unspecified ("this network")'],
  ['4000::1', 'reserved'],
] as const;

const allowed = [
  '8.8.8.8',
  '1.1.1.1',
  '172.15.255.255',
  '172.32.0.1',
  '100.63.255.255',
  '100.128.0.1',
  '11.0.0.1',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4001:81b::200e',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('address classification', () => {
  it.each(blocked)('refuses %s (%s)', (address, reason) => {
    const ip = parseIp(address);
    expect(ip).not.toBeNull();
    expect(ip && blockedReason(ip)).toBe(reason);
  });

  it.each(allowed)('allows public %s', (address) => {
    const ip = parseIp(address);
    expect(ip).not.toBeNull();
    expect(ip && blockedReason(ip)).toBeNull();
  });

  it('does not parse host names or legacy IPv4 spellings as addresses', () => {
    for (const text of ['localhost', '2130706433', '0x7f.1', '017700000001', '127.1', '1.2.3.4.5']) {
      expect(parseIp(text)).toBeNull();
    }
  });
});

describe('outbound policy', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (error) {
      return error instanceof AppError ? error.code : 'other';
    }
  };

  it('refuses special addresses by default and allows public ones', () => {
    const policy = createOutboundPolicy();
    expect(codeOf(() => policy.assertAddress('metadata', '169.254.169.254'))).toBe('OUTBOUND_REFUSED');
    expect(codeOf(() => policy.assertAddress('dns.google', '8.8.8.8'))).toBe('allowed');
    expect(codeOf(() => policy.assertAddress('x', 'not-an-ip'))).toBe('OUTBOUND_REFUSED');
  });

  it('lets an allow-listed network through, in IPv4-mapped form too, and nothing else', () => {
    const policy = createOutboundPolicy(['127.0.0.0/8', 'fd00::/8']);
    expect(codeOf(() => policy.assertAddress('a', '127.0.0.1'))).toBe('allowed');
    expect(codeOf(() => policy.assertAddress('a', '::ffff:127.0.0.1'))).toBe('allowed');
    expect(codeOf(() => policy.assertAddress('a', 'fd00::5'))).toBe('allowed');
    expect(codeOf(() => policy.assertAddress('a', '10.0.0.1'))).toBe('OUTBOUND_REFUSED');
    expect(codeOf(() => policy.assertAddress('a', '::1'))).toBe('OUTBOUND_REFUSED');
  });

  it('lets allow-listed host names and suffixes through, whatever they resolve to', () => {
    const policy = createOutboundPolicy(['tsa.internal', '*.corp.example']);
    expect(policy.isHostAllowListed('TSA.internal.')).toBe(true);
    expect(policy.isHostAllowListed('ocsp.corp.example')).toBe(true);
    expect(policy.isHostAllowListed('corp.example.evil.com')).toBe(false);
    expect(policy.isHostAllowListed('evilcorp.example')).toBe(false);
    expect(codeOf(() => policy.assertAddress('tsa.internal', '10.0.0.7'))).toBe('allowed');
    expect(codeOf(() => policy.assertAddress('other.internal', '10.0.0.7'))).toBe('OUTBOUND_REFUSED');
  });

  it('rejects allow-list entries that are neither CIDRs nor host names', () => {
    for (const entry of ['10.0.0.0/33', 'http://x/', '127.1', 'a b']) {
      expect(codeOf(() => createOutboundPolicy([entry]))).toBe('VALIDATION');
    }
  });
});
