// Organisation keys: signatures per second with the key inside a PKCS#11 token (SoftHSM2)
// against the same curve's file key (a Node KeyObject), alternated in the same run; the ratio
// is HSM/file. Also one PAdES-sized signed-attributes input each time (about 100 bytes).
// Needs `npx tsc -b packages/pades packages/server` (npm run bench does it) and softhsm2.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pades from '../packages/pades/dist/index.js';
import { createPkcs11Signer } from '../packages/server/dist/platform/hsm/pkcs11-signer.js';
import { openPkcs11Token } from '../packages/server/dist/platform/hsm/pkcs11-token.js';
import { alternate, pairedCase } from './lib/baselines.js';
import { opsPerSecond, writeResult } from './lib/results.js';

const dir = mkdtempSync(join(tmpdir(), 'signx-bench-hsm-'));
mkdirSync(join(dir, 'tokens'));
const conf = join(dir, 'softhsm2.conf');
writeFileSync(conf, `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\n`);
process.env.SOFTHSM2_CONF = conf;
const pin = '246810';
execFileSync(
  'softhsm2-util',
  ['--init-token', '--free', '--label', 'bench', '--pin', pin, '--so-pin', '13579'],
  {
    stdio: 'pipe',
  },
);

try {
  const root = await pades.createRootCa({ commonName: 'Bench Root' });
  const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
  const subject = { legalName: 'Bench Org', registrationId: '91350100M000100Y43' };
  const token = openPkcs11Token({ library: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: 'bench', pin });
  const hsmKey = token.generateEcKey('bench');
  const hsmCert = await pades.issueOrganisationCertificate(issuing, { ...subject, spki: hsmKey.spki });
  const hsm = createPkcs11Signer(token, hsmKey.objectId, hsmCert, [issuing.certificate]);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const fileCert = await pades.issueOrganisationCertificate(issuing, { ...subject, spki });
  const file = pades.createLocalSigner(privateKey, fileCert, [issuing.certificate]);
  const data = Buffer.alloc(100, 7);
  const seconds = Number(process.env.BENCH_SECONDS ?? 2);
  const runs = await alternate(
    3,
    () => opsPerSecond(() => file.sign(data), { seconds }),
    () => opsPerSecond(() => hsm.sign(data), { seconds }),
  );
  writeResult('keys', [
    pairedCase(runs, {
      name: 'ECDSA P-256 signatures/s, key in SoftHSM2 (PKCS#11)',
      unit: 'signatures/s',
      pick: (v) => v,
      baselineName: 'same curve, file key (Node KeyObject)',
    }),
  ]);
  token.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
