// A fresh SoftHSM2 token in a temp directory (softhsm2 from Debian): SOFTHSM2_CONF points the
// library at it before the token is opened. Answers the opened token and a cleanup.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPkcs11Token } from '../../packages/server/dist/platform/hsm/pkcs11-token.js';

export function softHsmToken(label = 'bench') {
  const dir = mkdtempSync(join(tmpdir(), 'signx-bench-hsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\n`);
  process.env.SOFTHSM2_CONF = conf;
  const pin = '246810';
  execFileSync(
    'softhsm2-util',
    ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', '13579'],
    {
      stdio: 'pipe',
    },
  );
  const token = openPkcs11Token({ library: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: label, pin });
  return {
    token,
    cleanup: () => {
      token.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
