import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pkcs11Options } from '../src/platform/hsm/pkcs11-token.js';

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
