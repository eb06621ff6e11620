import { randomInt } from 'node:crypto';
import { authenticator } from 'otplib';
import { describe, expect, it } from 'vitest';
import { base32Decode, totpDelta } from './totp-code.js';

// The ceremony's TOTP check answers exactly what otplib's authenticator answered before.
describe('TOTP check (RFC 6238)', () => {
  it('agrees with otplib on codes of the current, previous, next and other steps', () => {
    for (let round = 0; round < 200; round += 1) {
      const secret = authenticator.generateSecret(20);
      const epoch = 1_700_000_000_000 + randomInt(0, 2 ** 40);
      const reference = authenticator.clone({ epoch, window: 1, step: 30 });
      for (const shift of [-2, -1, 0, 1, 2]) {
        const code = authenticator.clone({ epoch: epoch + shift * 30_000 }).generate(secret);
        expect(totpDelta(code, secret, epoch, { step: 30, window: 1 })).toBe(
          reference.checkDelta(code, secret),
        );
      }
      const random = String(randomInt(0, 1_000_000)).padStart(6, '0');
      expect(totpDelta(random, secret, epoch, { step: 30, window: 1 })).toBe(
        reference.checkDelta(random, secret),
      );
    }
  });

  it('refuses malformed codes and secrets, and decodes base32 as RFC 4648', () => {
    const secret = authenticator.generateSecret(20);
    const code = authenticator.generate(secret);
    expect(totpDelta(code, secret, Date.now(), { step: 30, window: 1 })).toBe(0);
    expect(totpDelta(`${code}0`, secret, Date.now(), { step: 30, window: 1 })).toBeNull();
    expect(totpDelta('12a456', secret, Date.now(), { step: 30, window: 1 })).toBeNull();
    expect(totpDelta(code, 'not base32!', Date.now(), { step: 30, window: 1 })).toBeNull();
    expect(base32Decode('MZXW6YTBOI======')?.toString()).toBe('foobar');
    expect(base32Decode(secret)?.toString('hex')).toBe(authenticator.decode(secret));
  });
});
