import { describe, expect, it } from 'vitest';
import {
  formatNetworks,
  formatWindows,
  parseNetworks,
  parseWindows,
} from '../src/modules/records/policy-rules';

describe('policy time windows and network ranges as the form edits them', () => {
  it('reads one window per line and writes it back the same way', () => {
    const text = 'mon,tue, WED 08:00-18:00\n\nsat 09:00 - 12:30';
    const parsed = parseWindows(text);
    expect(parsed).toEqual({
      windows: [
        { days: ['mon', 'tue', 'wed'], start: '08:00', end: '18:00' },
        { days: ['sat'], start: '09:00', end: '12:30' },
      ],
    });
    if ('windows' in parsed)
      expect(formatWindows(parsed.windows)).toBe('mon,tue,wed 08:00-18:00\nsat 09:00-12:30');
  });

  it('names the first bad line: an unknown day, a missing time, a bare time', () => {
    expect(parseWindows('mon 08:00-18:00\nfunday 08:00-09:00')).toEqual({ badLine: 2 });
    expect(parseWindows('mon 08:00')).toEqual({ badLine: 1 });
    expect(parseWindows('08:00-18:00')).toEqual({ badLine: 1 });
  });

  it('empty text means no restriction (null), for windows and ranges', () => {
    expect(parseWindows('  \n ')).toEqual({ windows: null });
    expect(parseNetworks('  ')).toBeNull();
    expect(formatWindows(null)).toBe('');
    expect(formatNetworks(null)).toBe('');
  });

  it('reads ranges separated by lines, spaces or commas (a bare address is left to the server to refuse)', () => {
    expect(parseNetworks('10.1.2.0/24,\n2001:db8:1::/48  192.168.1.7')).toEqual([
      '10.1.2.0/24',
      '2001:db8:1::/48',
      '192.168.1.7',
    ]);
  });
});
