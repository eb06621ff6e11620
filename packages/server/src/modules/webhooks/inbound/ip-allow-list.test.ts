import { describe, expect, it } from 'vitest';
import { isAllowed, normalizeAllowList } from './ip-allow-list.js';

describe('inbound IP allow-list', () => {
  it('normalizes single addresses to full-length prefixes and reports what it cannot read', () => {
    expect(normalizeAllowList(['192.0.2.7', '10.0.0.0/8', '2001:db8::/32', 'nope', '10.0.0.0/33'])).toEqual({
      list: ['192.0.2.7/32', '10.0.0.0/8', '2001:db8::/32'],
      invalid: ['nope', '10.0.0.0/33'],
    });
  });

  it('matches IPv4 and IPv6 ranges, and IPv4-mapped IPv6 as its IPv4 address', () => {
    const list = ['10.1.0.0/16', '2001:db8:1::/48'];
    expect(isAllowed(list, '10.1.200.3')).toBe(true);
    expect(isAllowed(list, '::ffff:10.1.2.3')).toBe(true);
    expect(isAllowed(list, '10.2.0.1')).toBe(false);
    expect(isAllowed(list, '2001:db8:1:ffff::1')).toBe(true);
    expect(isAllowed(list, '2001:db8:2::1')).toBe(false);
    // 6to4 of 10.1.2.3 is another host: not unwrapped
    expect(isAllowed(list, '2002:a01:203::1')).toBe(false);
  });

  it('allows any address with an empty list and none that cannot be parsed', () => {
    expect(isAllowed([], '203.0.113.9')).toBe(true);
    expect(isAllowed(['10.0.0.0/8'], undefined)).toBe(false);
    expect(isAllowed(['10.0.0.0/8'], 'garbage')).toBe(false);
  });
});
