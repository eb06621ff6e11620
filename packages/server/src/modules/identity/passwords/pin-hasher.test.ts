import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyring } from '../../../platform/keyring/keyring.js';
import { createPasswordHasher } from './password-hasher.js';
import { createPinHasher, isKeyedPinHash, pinKeysFromKeyring } from './pin-hasher.js';

// Signature PINs as keyed hashes (issue 16): the key lives in the keyring, not the database.
const legacy = createPasswordHasher('test');
const keyring = (master: string) =>
  createKeyring({ dir: mkdtempSync(join(tmpdir(), 'signx-pin-')), masterSecret: master.repeat(40) });
const hasherOf = (master: string, version = 1) =>
  createPinHasher(pinKeysFromKeyring(keyring(master), version), legacy);

describe('the keyed PIN hasher', () => {
  it('stores HMAC-SHA-256 with a per-PIN salt and the key id, and verifies only the right PIN', async () => {
    const pins = hasherOf('a');
    const stored = pins.hash('482915');
    expect(stored).toMatch(/^\$signx-pin\$k=k1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(pins.hash('482915')).not.toBe(stored);
    expect(await pins.verify(stored, '482915')).toEqual({ ok: true });
    expect(await pins.verify(stored, '482916')).toEqual({ ok: false });
    expect(await pins.verify(stored, '')).toEqual({ ok: false });
  });

  it('verifies an argon2id PIN hash of before and gives the keyed hash to store instead', async () => {
    const pins = hasherOf('a');
    const old = await legacy.hash('739164');
    expect(await pins.verify(old, '000000')).toEqual({ ok: false });
    const verdict = await pins.verify(old, '739164');
    expect(verdict.ok).toBe(true);
    expect(isKeyedPinHash(verdict.rehash ?? '')).toBe(true);
    expect(await pins.verify(verdict.rehash as string, '739164')).toEqual({ ok: true });
  });

  it('rotates keys: a hash under k1 still verifies once k2 is current, and is re-keyed', async () => {
    const ring = keyring('a');
    const before = createPinHasher(pinKeysFromKeyring(ring, 1), legacy).hash('482915');
    const after = createPinHasher(pinKeysFromKeyring(ring, 2), legacy);
    expect(after.hash('482915')).toMatch(/^\$signx-pin\$k=k2\$/);
    const verdict = await after.verify(before, '482915');
    expect(verdict.ok).toBe(true);
    expect(verdict.rehash).toMatch(/^\$signx-pin\$k=k2\$/);
    expect(await after.verify(before, '482916')).toEqual({ ok: false });
    // A key id the keyring does not have (or a forged one) never verifies.
    expect(await hasherOf('a', 1).verify(after.hash('482915'), '482915')).toEqual({ ok: false });
    expect(await after.verify(before.replace('k=k1', 'k=../x'), '482915')).toEqual({ ok: false });
  });

  it('cannot be checked with the database alone: no plain HMAC, and another keyring refuses the copy', async () => {
    const stored = hasherOf('a').hash('482915');
    const [, , , salt, mac] = stored.split('$');
    const saltBytes = Buffer.from(salt as string, 'base64url');
    // What an attacker holding only the row could compute: unkeyed digests of salt and PIN.
    for (const guess of [
      createHmac('sha256', saltBytes).update('482915').digest('base64url'),
      createHmac('sha256', '').update(saltBytes).update('signx-pin:482915').digest('base64url'),
    ])
      expect(guess).not.toBe(mac);
    // The same row copied into an installation with another master secret does not verify.
    expect(await hasherOf('b').verify(stored, '482915')).toEqual({ ok: false });
  });

  it('refuses damaged hashes instead of throwing', async () => {
    const pins = hasherOf('a');
    for (const damaged of ['$signx-pin$', '$signx-pin$k=k1$$', '$signx-pin$k=k1$abc$', 'not-a-hash'])
      expect(await pins.verify(damaged, '482915')).toEqual({ ok: false });
  });
});
