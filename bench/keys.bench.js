// Organisation keys: signatures per second with the key inside a PKCS#11 token (SoftHSM2)
// against the same curve's (or RSA size's) file key (a Node KeyObject), alternated in the same run; the ratio
// is HSM/file. Also one PAdES-sized signed-attributes input each time (about 100 bytes).
// Needs `npx tsc -b packages/pades packages/server` (npm run bench does it) and softhsm2.
import { generateKeyPairSync } from 'node:crypto';
import * as pades from '../packages/pades/dist/index.js';
import { createPkcs11Signer } from '../packages/server/dist/platform/hsm/pkcs11-signer.js';
import { alternate, pairedCase } from './lib/baselines.js';
import { opsPerSecond, writeResult } from './lib/results.js';
import { softHsmToken } from './lib/softhsm.js';

const hsmToken = softHsmToken();

try {
  const root = await pades.createRootCa({ commonName: 'Bench Root' });
  const issuing = await pades.createIssuingCa(root, { commonName: 'Bench Issuing' });
  const subject = { legalName: 'Bench Org', registrationId: '91350100M000100Y43' };
  const { token } = hsmToken;
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
  // The same with RSA-3072 (PKCS#1 v1.5, SHA-256): CKM_SHA256_RSA_PKCS in the token against a
  // file key of the same size.
  const rsaKey = token.generateKey('bench-rsa', 'RSA-3072');
  const rsaCert = await pades.issueOrganisationCertificate(issuing, { ...subject, spki: rsaKey.spki });
  const hsmRsa = createPkcs11Signer(token, rsaKey.objectId, rsaCert, [issuing.certificate]);
  const rsaPair = generateKeyPairSync('rsa', { modulusLength: 3072 });
  const rsaSpki = rsaPair.publicKey.export({ format: 'der', type: 'spki' });
  const rsaFileCert = await pades.issueOrganisationCertificate(issuing, { ...subject, spki: rsaSpki });
  const fileRsa = pades.createLocalSigner(rsaPair.privateKey, rsaFileCert, [issuing.certificate]);
  const rsaRuns = await alternate(
    3,
    () => opsPerSecond(() => fileRsa.sign(data), { seconds }),
    () => opsPerSecond(() => hsmRsa.sign(data), { seconds }),
  );
  // The platform issuing CA and TSA with their keys in the token (KEYS_PKCS11_CA_KEY / _TSA_KEY)
  // against the same roles with file keys: certificates issued and time-stamp tokens made per second.
  const caKey = token.generateEcKey('bench-ca');
  const hsmCa = pades.signerCaMaterial(
    createPkcs11Signer(
      token,
      caKey.objectId,
      await pades.certifyServiceKey(root, caKey.spki, { role: 'issuing-ca', commonName: 'Bench HSM CA' }),
      [root.certificate],
    ),
  );
  const issueWith = (ca) => () => pades.issueOrganisationCertificate(ca, { ...subject, spki });
  const caRuns = await alternate(
    3,
    () => opsPerSecond(issueWith(issuing), { seconds }),
    () => opsPerSecond(issueWith(hsmCa), { seconds }),
  );
  const tsaKey = token.generateEcKey('bench-tsa');
  const tsaCert = await pades.certifyServiceKey(issuing, tsaKey.spki, {
    role: 'tsa',
    commonName: 'Bench HSM TSA',
  });
  const hsmTsa = pades.createTimestampAuthority({
    certificate: tsaCert,
    key: createPkcs11Signer(token, tsaKey.objectId, tsaCert, [issuing.certificate]),
    chain: [issuing.certificate],
  });
  const fileTsaCert = await pades.issueTsaCertificate(issuing, { commonName: 'Bench File TSA' });
  const fileTsa = pades.createTimestampAuthority({
    certificate: fileTsaCert.certificate,
    key: fileTsaCert.privateKeyPem,
    chain: fileTsaCert.chain,
  });
  const imprint = Buffer.alloc(32, 9);
  const tsaRuns = await alternate(
    3,
    () => opsPerSecond(() => fileTsa.issueToken(imprint, 'SHA-256'), { seconds }),
    () => opsPerSecond(() => hsmTsa.issueToken(imprint, 'SHA-256'), { seconds }),
  );
  writeResult('keys', [
    pairedCase(runs, {
      name: 'ECDSA P-256 signatures/s, key in SoftHSM2 (PKCS#11)',
      unit: 'signatures/s',
      pick: (v) => v,
      baselineName: 'same curve, file key (Node KeyObject)',
    }),
    pairedCase(rsaRuns, {
      name: 'RSA-3072 PKCS#1 v1.5 signatures/s, key in SoftHSM2 (PKCS#11)',
      unit: 'signatures/s',
      pick: (v) => v,
      baselineName: 'same size, file key (Node KeyObject)',
    }),
    pairedCase(caRuns, {
      name: 'organisation certificates issued/s, platform CA key in SoftHSM2',
      unit: 'certificates/s',
      pick: (v) => v,
      baselineName: 'same CA profile, file key',
    }),
    pairedCase(tsaRuns, {
      name: 'RFC 3161 time-stamp tokens/s, TSA key in SoftHSM2',
      unit: 'tokens/s',
      pick: (v) => v,
      baselineName: 'same TSA, file key',
    }),
  ]);
} finally {
  hsmToken.cleanup();
}
