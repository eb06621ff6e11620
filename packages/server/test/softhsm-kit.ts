import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { auditModule } from '../src/modules/audit/index.js';
import { keysModule } from '../src/modules/keys/index.js';
import { type KeysDeps, keysDeps } from '../src/modules/keys/keys.deps.js';
import type { Pkcs11Options } from '../src/platform/hsm/pkcs11-token.js';
import { createModuleTestContext, type ModuleTestContext } from './module-test-context.js';

/** Debian's SoftHSM2 module (scripts/system-deps.sh installs softhsm2). */
export const SOFTHSM_LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';

/**
 * A fresh SoftHSM2 token in a temp directory of its own: SOFTHSM2_CONF points the library at
 * it (read at C_Initialize, so set before a token is opened). Returns the PKCS#11 options and
 * a cleanup that removes the directory.
 */
export function createSoftHsmToken(label = 'signx-test'): Pkcs11Options & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'signx-softhsm-'));
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens);
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const pin = '246810';
  execFileSync(
    'softhsm2-util',
    ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '13579'],
    {
      env: { ...process.env, SOFTHSM2_CONF: conf },
      stdio: 'pipe',
    },
  );
  return {
    library: SOFTHSM_LIBRARY,
    tokenLabel: label,
    pin,
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Registers hooks giving the test file one SoftHSM2 token labelled `label` and, before each
 * test, a fresh audit + keys context configured to keep organisation keys in it, with its
 * keys deps (closed after the test). The answer reads the live context: use it inside tests.
 */
export function useSoftHsmKeys(label: string): {
  readonly token: ReturnType<typeof createSoftHsmToken>;
  readonly t: ModuleTestContext;
  readonly deps: KeysDeps;
} {
  let hsm: ReturnType<typeof createSoftHsmToken> | undefined;
  let t: ModuleTestContext | undefined;
  let deps: KeysDeps | undefined;
  const live = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the SoftHSM keys context is set up in beforeAll/beforeEach');
    return value;
  };
  beforeAll(() => {
    hsm = createSoftHsmToken(label);
  });
  afterAll(() => hsm?.cleanup());
  beforeEach(async () => {
    const token = live(hsm);
    t = await createModuleTestContext([auditModule, keysModule], {
      env: {
        KEYS_PKCS11_LIBRARY: token.library,
        KEYS_PKCS11_TOKEN: token.tokenLabel,
        KEYS_PKCS11_PIN: token.pin,
      },
    });
    deps = keysDeps(t.ctx);
  });
  afterEach(async () => {
    deps?.close();
    await t?.close();
  });
  return {
    get token() {
      return live(hsm);
    },
    get t() {
      return live(t);
    },
    get deps() {
      return live(deps);
    },
  };
}
