import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatesFromPem, parseCertificate } from '@signx/pades';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSoftHsmToken } from '../../test/softhsm-kit.js';
import { testConfig } from '../../test/test-app.js';
import type { Config } from '../config.js';
import { createContext } from '../platform/app-context.js';
import { migrateToLatest } from '../platform/db/migrator.js';
import { openPkcs11Token } from '../platform/hsm/pkcs11-token.js';
import { run } from './keys.command.js';

// `signx keys hsm generate|rotate ca|tsa --algorithm A` against a SoftHSM2 token.
let hsm: ReturnType<typeof createSoftHsmToken>;
let dataDir = '';
let config: Config;

beforeEach(async () => {
  hsm = createSoftHsmToken('signx-cli-keys');
  dataDir = mkdtempSync(join(tmpdir(), 'signx-keys-cli-'));
  config = testConfig(dataDir, {
    DATABASE_URL: `sqlite:${join(dataDir, 'signx.db')}`,
    KEYS_PKCS11_LIBRARY: hsm.library,
    KEYS_PKCS11_TOKEN: hsm.tokenLabel,
    KEYS_PKCS11_PIN: hsm.pin,
    KEYS_PKCS11_CA_KEY: 'signx-ca',
  });
  const ctx = createContext(config);
  await migrateToLatest(ctx.db);
  await ctx.database.destroy();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  hsm.cleanup();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const status = await run(args, { config, io });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const caKey = () => {
  const [der] = certificatesFromPem(readFileSync(join(dataDir, 'pki', 'hsm-issuing.pem'), 'utf8'));
  const key = parseCertificate(der as Uint8Array).publicKey;
  return { type: key.asymmetricKeyType, ...key.asymmetricKeyDetails };
};

describe('signx keys hsm --algorithm', () => {
  it('refuses an algorithm it does not make, with the choices, and leaves the token empty', async () => {
    const bad = await cli('hsm', 'generate', 'ca', '--algorithm', 'RSA-1024');
    expect(bad).toMatchObject({ status: 2, err: expect.stringContaining('EC-P256, EC-P384, RSA-2048') });
    const token = openPkcs11Token(hsm);
    try {
      expect(token.findKeyByLabel('signx-ca')).toBeNull();
    } finally {
      token.close();
    }
  });

  it('generates the CA key as RSA-3072 in the token and rotates it to P-384', async () => {
    const made = await cli('hsm', 'generate', 'ca', '--algorithm', 'RSA-3072');
    expect(made.status).toBe(0);
    expect(made.out).toMatch(/signx-ca/);
    expect(caKey()).toMatchObject({ type: 'rsa', modulusLength: 3072 });
    const rotated = await cli('hsm', 'rotate', 'ca', '--algorithm', 'EC-P384');
    expect(rotated.status).toBe(0);
    expect(caKey()).toMatchObject({ type: 'ec', namedCurve: 'secp384r1' });
  });
});
