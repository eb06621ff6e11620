import { parseCertificate, signPdf, validate } from '@signx/pades';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { pdfsig } from '../../../test/signing-kit.js';
import { createSoftHsmToken } from '../../../test/softhsm-kit.js';
import { userActor } from '../../../test/test-principal.js';
import { isAppError } from '../../platform/errors.js';
import { auditModule } from '../audit/index.js';
import { keys, keysModule } from './index.js';
import { can } from './keys.catalogue.js';
import { keysDeps } from './keys.deps.js';

// The platform issuing CA and TSA with RSA and P-384 keys in a real PKCS#11 token (SoftHSM2).
const admin = userActor('019a0000-0000-7000-8000-0000000000c4', [can['keys.certificate.manage']]);
let hsm: ReturnType<typeof createSoftHsmToken>;
let t: ModuleTestContext;

beforeAll(() => {
  hsm = createSoftHsmToken('signx-platform-algs');
});
afterAll(() => hsm.cleanup());
beforeEach(async () => {
  t = await createModuleTestContext([auditModule, keysModule], {
    env: {
      KEYS_PKCS11_LIBRARY: hsm.library,
      KEYS_PKCS11_TOKEN: hsm.tokenLabel,
      KEYS_PKCS11_PIN: hsm.pin,
      KEYS_PKCS11_CA_KEY: 'signx-ca',
      KEYS_PKCS11_TSA_KEY: 'signx-tsa',
    },
  });
});
afterEach(async () => {
  keysDeps(t.ctx).close();
  await t.close();
});

const keyOf = (der: Uint8Array) => {
  const k = parseCertificate(der).publicKey;
  return { type: k.asymmetricKeyType, ...k.asymmetricKeyDetails };
};

describe('platform CA and TSA keys of other algorithms in the token', () => {
  it('an RSA-3072 CA and a P-384 TSA: a B-T signature they make validates in the engine and pdfsig; RSA rotation keeps the old key', async () => {
    const bad = await keys
      .provisionPlatformKey(t.ctx, admin, 'issuing', 'generate', 'RSA-1024')
      .catch((e) => e);
    expect(isAppError(bad) && bad.fieldErrors[0]?.field).toBe('algorithm');
    await keys.provisionPlatformKey(t.ctx, admin, 'issuing', 'generate', 'RSA-3072');
    await keys.provisionPlatformKey(t.ctx, admin, 'tsa', 'generate', 'EC-P384');
    const m = await t.ctx.trust.material();
    expect(keyOf(m.issuing.certificate)).toMatchObject({ type: 'rsa', modulusLength: 3072 });
    expect(keyOf(m.tsa.certificate)).toMatchObject({ type: 'ec', namedCurve: 'secp384r1' });
    // the TSA certificate is signed by the RSA CA key in the token (sha256WithRSAEncryption)
    expect(parseCertificate(m.tsa.certificate).signatureAlgorithm).toMatchObject({ hash: 'SHA-256' });
    expect(m.issuing.signer?.algorithm).toBe('RSASSA-PKCS1-v1_5');
    expect(m.tsa.signer).toMatchObject({ algorithm: 'ECDSA', hash: 'SHA-384' });

    const sign = async (name: string) => {
      const doc = await PDFDocument.create();
      doc.addPage([300, 300]);
      const issued = await t.ctx.trust.issueSigner({ name });
      return signPdf(await doc.save({ useObjectStreams: false }), {
        signer: issued.signer,
        level: 'B-T',
        timestamper: await t.ctx.trust.timestamper(),
      });
    };
    const root = await t.ctx.trust.rootCertificate();
    const check = async (pdf: Uint8Array) => {
      const r = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
      expect(r.signatures[0]?.isValid).toBe(true);
      expect(r.signatures[0]?.timestamp).toMatchObject({ isValid: true, isTsaTrusted: true });
      expect(pdfsig(pdf, root).out).toContain('Signature is Valid');
    };
    const before = await sign('Alice Rsa Ca');
    await check(before);

    const rotated = await keys.provisionPlatformKey(t.ctx, admin, 'issuing', 'rotate', 'RSA-2048');
    expect(rotated.replaced).toBe(parseCertificate(m.issuing.certificate).serial.replace(/^(00)+/, ''));
    const after = await t.ctx.trust.material();
    expect(keyOf(after.issuing.certificate)).toMatchObject({ type: 'rsa', modulusLength: 2048 });
    expect(keysDeps(t.ctx).token().findKeyByLabel(`signx-ca.retired.${rotated.replaced}`)).not.toBeNull();
    await check(before);
    await check(await sign('Bob Rotated Ca'));
  });
});
