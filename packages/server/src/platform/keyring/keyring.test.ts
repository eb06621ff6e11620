import { sign, verify } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyring } from './keyring.js';

describe('keyring', () => {
  it('derives stable, purpose-separated secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-keys-'));
    const a = createKeyring({ dir, masterSecret: 'm'.repeat(40) });
    const b = createKeyring({ dir, masterSecret: 'm'.repeat(40) });
    expect(a.secret('jwt').equals(b.secret('jwt'))).toBe(true);
    expect(a.secret('jwt').equals(a.secret('csrf'))).toBe(false);
    expect(
      createKeyring({ dir, masterSecret: 'n'.repeat(40) })
        .secret('jwt')
        .equals(a.secret('jwt')),
    ).toBe(false);
  });

  it('generates the master secret and key pairs once, private to the owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-keys-'));
    const first = createKeyring({ dir });
    const second = createKeyring({ dir });
    expect(first.secret('jwt').equals(second.secret('jwt'))).toBe(true);
    const pair = first.signingKey('audit-checkpoint');
    const again = second.signingKey('audit-checkpoint');
    expect(again.keyId).toBe(pair.keyId);
    const signature = sign(null, Buffer.from('root'), pair.privateKey);
    expect(verify(null, Buffer.from('root'), again.publicKey, signature)).toBe(true);
    expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'audit-checkpoint.ed25519.pem')).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged master key instead of deriving secrets from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signx-keys-'));
    createKeyring({ dir }).secret('jwt');
    writeFileSync(join(dir, 'master.key'), 'c2hvcnQ=');
    expect(() => createKeyring({ dir })).toThrow(/damaged/);
  });

  it('refuses purposes that could escape the directory', () => {
    const keyring = createKeyring({ dir: mkdtempSync(join(tmpdir(), 'signx-keys-')) });
    expect(() => keyring.signingKey('../etc/passwd')).toThrow(/invalid key purpose/);
  });
});
