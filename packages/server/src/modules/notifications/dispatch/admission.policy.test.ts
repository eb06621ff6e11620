import { describe, expect, it } from 'vitest';
import { type AdmissionFacts, admit, quietUntil } from './admission.policy.js';

const base: AdmissionFacts = {
  channel: 'email',
  category: 'task',
  priority: 'normal',
  isTransactional: false,
  isDigest: false,
  userId: 'u1',
  preferences: [],
  quietHours: null,
  frequency: null,
  now: new Date('2026-12-05T14:30:00.000Z'), // 22:30 in Shanghai
};

describe('admission policy', () => {
  it('lets the most specific switch decide', () => {
    const off = { category: '*', channel: '*', enabled: false };
    expect(admit({ ...base, preferences: [off] })).toMatchObject({ action: 'suppress' });
    expect(admit({ ...base, preferences: [off, { category: 'task', channel: '*', enabled: true }] })).toEqual(
      { action: 'send' },
    );
    expect(
      admit({
        ...base,
        preferences: [
          { category: 'task', channel: '*', enabled: true },
          { category: 'task', channel: 'email', enabled: false },
        ],
      }),
    ).toMatchObject({ action: 'suppress' });
    expect(
      admit({ ...base, preferences: [{ category: 'report', channel: 'email', enabled: false }] }),
    ).toEqual({ action: 'send' });
  });

  it('sends transactional messages and raw addresses whatever the switches', () => {
    const off = [{ category: '*', channel: '*', enabled: false }];
    expect(admit({ ...base, preferences: off, isTransactional: true })).toEqual({ action: 'send' });
    expect(admit({ ...base, preferences: off, userId: null })).toEqual({ action: 'send' });
  });

  it('defers non-urgent messages in quiet hours (across midnight, in the user’s zone) but not urgent or in-app ones', () => {
    const quietHours = { start: '22:00', end: '07:30', timeZone: 'Asia/Shanghai' };
    expect(admit({ ...base, quietHours })).toEqual({
      action: 'defer',
      until: new Date('2026-12-05T23:30:00.000Z'),
      reason: 'do-not-disturb hours',
    });
    expect(admit({ ...base, quietHours, priority: 'urgent' })).toEqual({ action: 'send' });
    expect(admit({ ...base, quietHours, channel: 'in_app' })).toEqual({ action: 'send' });
    expect(quietUntil(quietHours, new Date('2026-12-05T02:00:00.000Z'))).toBeNull();
  });

  it('holds past the frequency limit, but never a digest', () => {
    const frequency = { limit: 3, windowSeconds: 600, sentInWindow: 3 };
    expect(admit({ ...base, frequency })).toMatchObject({
      action: 'hold',
      until: new Date('2026-12-05T14:40:00.000Z'),
    });
    expect(admit({ ...base, frequency, isDigest: true })).toEqual({ action: 'send' });
    expect(admit({ ...base, frequency: { ...frequency, sentInWindow: 2 } })).toEqual({ action: 'send' });
  });
});
