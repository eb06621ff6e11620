import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCrlSignedBy, parseCertificate, parseCrl, signPdf, validate } from '@signx/pades';
import Fastify from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModuleTestContext, type ModuleTestContext } from '../../../test/module-test-context.js';
import { pdfsig } from '../../../test/signing-kit.js';
import { createSoftHsmToken } from '../../../test/softhsm-kit.js';
import { testConfig } from '../../../test/test-app.js';
import { userActor } from '../../../test/test-principal.js';
import { platformKeysProblem } from '../../cli/serve-preflight.js';
import { systemActor } from '../../platform/actor.js';
import { isDomainError } from '../../platform/errors.js';
import { trustRoutes } from '../../platform/trust/trust.routes.js';
import { auditModule } from '../audit/index.js';
import { identityModule } from '../identity/index.js';
import { notificationsModule } from '../notifications/index.js';
import { keys, keysModule } from './index.js';
import { can } from './keys.catalogue.js';
import { keysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';
import { runSelfTest } from './lifecycle.service.js';
import { platformKeys } from './platform-keys.service.js';

// The platform issuing CA and TSA with their keys in a real PKCS#11 token (SoftHSM2).
const admin = userActor('019a0000-0000-7000-8000-0000000000c2', [can['keys.certificate.manage']]);
let hsm: ReturnType<typeof createSoftHsmToken>;
let t: ModuleTestContext;
const hsmEnv = (extra: Record<string, string> = {}) => ({
  KEYS_PKCS11_LIBRARY: hsm.library,
  KEYS_PKCS11_TOKEN: hsm.tokenLabel,
  KEYS_PKCS11_PIN: hsm.pin,
  KEYS_PKCS11_CA_KEY: 'signx-ca',
  KEYS_PKCS11_TSA_KEY: 'signx-tsa',
  ...extra,
});

beforeAll(() => {
  hsm = createSoftHsmToken('signx-platform');
});
afterAll(() => hsm.cleanup());
beforeEach(async () => {
  t = await createModuleTestContext([auditModule, identityModule, notificationsModule, keysModule], {
    env: hsmEnv(),
  });
});
afterEach(async () => {
  keysDeps(t.ctx).close();
  await t.close();
  // every test starts from an empty token: drop what the last one generated
  hsm.cleanup();
  hsm = createSoftHsmToken('signx-platform');
});

async function provision(mode: 'generate' | 'rotate') {
  const ca = await keys.provisionPlatformKey(t.ctx, admin, 'issuing', mode);
  const tsa = await keys.provisionPlatformKey(t.ctx, admin, 'tsa', mode);
  return { ca, tsa };
}

/** A B-T signature by a per-signer certificate the HSM CA issues, time-stamped by the HSM TSA. */
async function signBt(name: string) {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]);
  const issued = await t.ctx.trust.issueSigner({ name });
  const pdf = await signPdf(await doc.save({ useObjectStreams: false }), {
    signer: issued.signer,
    level: 'B-T',
    timestamper: await t.ctx.trust.timestamper(),
  });
  return { pdf, issued };
}

async function report(pdf: Uint8Array) {
  const root = await t.ctx.trust.rootCertificate();
  const r = await validate(pdf, { trustAnchors: [root], revocation: 'off' });
  expect(r.signatures).toHaveLength(1);
  return r.signatures[0]!;
}

describe('platform CA and TSA keys in a PKCS#11 token (SoftHSM2)', () => {
  it('generates both keys in the token; a signer certificate and a B-T time-stamp made there validate', async () => {
    const { ca, tsa } = await provision('generate');
    expect(ca.replaced).toBeNull();
    const m = await t.ctx.trust.material();
    expect(m.issuing.signer).toBeDefined();
    expect(m.tsa.signer).toBeDefined();
    expect(parseCertificate(m.tsa.certificate).issuer).toBe(parseCertificate(m.issuing.certificate).subject);
    const { pdf, issued } = await signBt('Alice Hsm');
    expect(parseCertificate(issued.certificate).issuer).toBe(parseCertificate(m.issuing.certificate).subject);
    const sig = await report(pdf);
    expect(sig.isValid).toBe(true);
    expect(sig.level).toBe('B-T');
    expect(sig.timestamp).toMatchObject({ isValid: true, isTsaTrusted: true });
    expect(sig.timestamp?.tsaSubject).toContain('SignX Platform TSA');
    const poppler = pdfsig(pdf, await t.ctx.trust.rootCertificate());
    expect(poppler.out).toContain('Signature is Valid');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('action', 'like', 'keys.platform_key.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'keys.platform_key.generated',
      'keys.platform_key.generated',
    ]);
    expect(tsa.serial).toBe(parseCertificate(m.tsa.certificate).serial.replace(/^(00)+/, ''));
    const inventory = await platformKeys(keysDeps(t.ctx));
    expect(inventory.map((k) => [k.role, k.storage, k.label])).toEqual([
      ['root', 'file', null],
      ['issuing', 'pkcs11', 'signx-ca'],
      ['tsa', 'pkcs11', 'signx-tsa'],
    ]);
    expect(inventory[1]?.serial).toBe(ca.serial);
  });

  it('keeps both private keys inside the token: sensitive, never extractable, export refused', async () => {
    await provision('generate');
    const token = keysDeps(t.ctx).token();
    for (const label of ['signx-ca', 'signx-tsa']) {
      const objectId = token.findKeyByLabel(label) as string;
      expect(objectId).toMatch(/^[0-9a-f]{32}$/);
      expect(token.protection(objectId)).toEqual({
        sensitive: true,
        extractable: false,
        neverExtractable: true,
      });
      expect(token.tryExport(objectId)).toBe('CKR_ATTRIBUTE_SENSITIVE');
    }
    const m = await t.ctx.trust.material();
    expect(() => m.issuing.privateKeyPem).toThrow(/held by a signer/);
    expect(readdirSync(join(t.ctx.config.dataDir, 'pki')).filter((f) => /hsm-.*key/.test(f))).toEqual([]);
  });

  it('rotates with overlap: old signatures keep validating, new ones use the new keys', async () => {
    await provision('generate');
    const before = await t.ctx.trust.material();
    const old = await signBt('Before Rotation');
    const { ca, tsa } = await provision('rotate');
    expect(ca.replaced).toBe(parseCertificate(before.issuing.certificate).serial.replace(/^(00)+/, ''));
    expect(tsa.replaced).not.toBeNull();
    const after = await t.ctx.trust.material();
    expect(Buffer.compare(after.issuing.certificate, before.issuing.certificate)).not.toBe(0);
    const next = await signBt('After Rotation');
    // the new certificate is signed by the new CA key; the old one still chains to the same root
    const newCa = parseCertificate(after.issuing.certificate);
    expect(parseCertificate(next.issued.certificate).authorityKeyId).toEqual(newCa.subjectKeyId);
    for (const pdf of [old.pdf, next.pdf]) {
      const sig = await report(pdf);
      expect(sig.isValid).toBe(true);
      expect(sig.timestamp?.isValid).toBe(true);
    }
    // the old CA key stays in the token under a retired label and still signs its CRL
    const token = keysDeps(t.ctx).token();
    expect(token.findKeyByLabel(`signx-ca.retired.${ca.replaced}`)).not.toBeNull();
    const crl = await t.ctx.trust.crlFor(before.issuing.certificate);
    expect(crl).toBeDefined();
    expect(isCrlSignedBy(parseCrl(crl!), parseCertificate(before.issuing.certificate))).toBe(true);
    // each generation names its own CRL URL, served by the PKI route and signed by that generation's key
    const app = Fastify();
    await trustRoutes(app, t.ctx);
    try {
      for (const [issued, ca] of [
        [old.issued.certificate, before.issuing.certificate],
        [next.issued.certificate, after.issuing.certificate],
      ] as const) {
        const caSerial = parseCertificate(ca).serial.replace(/^(00)+/, '');
        const [url] = parseCertificate(issued).crlUrls;
        expect(url).toMatch(new RegExp(`/pki/issuing-${caSerial}\\.crl$`));
        const res = await app.inject({ method: 'GET', url: new URL(url as string).pathname });
        expect(res.statusCode).toBe(200);
        expect(isCrlSignedBy(parseCrl(new Uint8Array(res.rawPayload)), parseCertificate(ca))).toBe(true);
      }
      expect(parseCertificate(old.issued.certificate).crlUrls).not.toEqual(
        parseCertificate(next.issued.certificate).crlUrls,
      );
      expect((await app.inject({ method: 'GET', url: '/pki/issuing-0badc0de.crl' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/pki/issuing-zz.crl' })).statusCode).toBe(404);
      const current = await app.inject({ method: 'GET', url: '/pki/issuing.crl' });
      expect(
        isCrlSignedBy(
          parseCrl(new Uint8Array(current.rawPayload)),
          parseCertificate(after.issuing.certificate),
        ),
      ).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses to generate over an existing key and to rotate a key that is not there', async () => {
    const rotateCa = await keys.provisionPlatformKey(t.ctx, admin, 'issuing', 'rotate').catch((e) => e);
    expect(isDomainError(rotateCa, keysErrors.PLATFORM_KEY_NOT_FOUND)).toBe(true);
    await keys.provisionPlatformKey(t.ctx, admin, 'issuing', 'generate');
    const rotateTsa = await keys.provisionPlatformKey(t.ctx, admin, 'tsa', 'rotate').catch((e) => e);
    expect(isDomainError(rotateTsa, keysErrors.PLATFORM_KEY_NOT_FOUND)).toBe(true);
    const again = await keys.provisionPlatformKey(t.ctx, admin, 'issuing', 'generate').catch((e) => e);
    expect(isDomainError(again, keysErrors.PLATFORM_KEY_EXISTS)).toBe(true);
    expect(keysDeps(t.ctx).token().findKeyByLabel('signx-ca.pending')).toBeNull();
  });
});

describe('startup self-check of the HSM-held platform keys', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'signx-hsm-check-'));

  it('passes once the keys are generated, with the PIN read from a secret file', async () => {
    await provision('generate');
    const { KEYS_PKCS11_PIN: pin, ...env } = hsmEnv();
    const pinFile = join(t.ctx.config.dataDir, 'pin.secret');
    writeFileSync(pinFile, `${pin}\n`, { mode: 0o600 });
    const config = testConfig(t.ctx.config.dataDir, { ...env, KEYS_PKCS11_PIN_FILE: pinFile });
    expect(config.keys.pkcs11?.pin).toBe(pin);
    expect(await platformKeysProblem(config)).toBeNull();
  });

  it('fails clearly on a wrong PIN and writes nothing', async () => {
    const dir = fresh();
    try {
      const problem = await platformKeysProblem(testConfig(dir, hsmEnv({ KEYS_PKCS11_PIN: '000000' })));
      expect(problem).toMatch(/CKR_PIN_INCORRECT/);
      expect(problem).toMatch(/KEYS_PKCS11_PIN/);
      expect(existsSync(join(dir, 'pki'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails clearly when the configured key is not in the token, and writes nothing', async () => {
    const dir = fresh();
    try {
      const problem = await platformKeysProblem(testConfig(dir, hsmEnv({ KEYS_PKCS11_CA_KEY: 'absent' })));
      expect(problem).toMatch(/no certificate|no key labelled "absent"/);
      expect(problem).toMatch(/signx keys hsm generate (ca|tsa)/);
      expect(existsSync(join(dir, 'pki'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('daily self-test of the HSM-held platform keys', () => {
  const job = systemActor('keys.self-test');
  const events = (action: string) =>
    t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', action).execute();
  const messages = () =>
    t.database.db.selectFrom('notification_messages').select(['template_code', 'dedupe_key']).execute();

  it('signs and verifies a canary with the CA and TSA keys in the token: no failure, no alert', async () => {
    await provision('generate');
    const checks = await t.ctx.trust.checkHeldKeys();
    expect(checks.map((c) => [c.role, c.label, c.error])).toEqual([
      ['issuing', 'signx-ca', null],
      ['tsa', 'signx-tsa', null],
    ]);
    expect(await runSelfTest(keysDeps(t.ctx), job)).toEqual([]);
    const [completed] = await events('keys.self_test.completed');
    expect(JSON.parse(completed?.details ?? '{}')).toMatchObject({ tested: 2, failed: 0 });
    expect(await events('keys.self_test.failed')).toEqual([]);
    expect(await messages()).toEqual([]);
  });

  it('audits and alerts when the CA key has gone from the token', async () => {
    const { ca } = await provision('generate');
    await t.ctx.trust.material(); // loaded, as in a running server
    const token = keysDeps(t.ctx).token();
    token.destroyKey(token.findKeyByLabel('signx-ca') as string);
    await runSelfTest(keysDeps(t.ctx), job);
    const failed = await events('keys.self_test.failed');
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]?.details ?? '{}')).toMatchObject({ serial: ca.serial });
    const [completed] = await events('keys.self_test.completed');
    expect(JSON.parse(completed?.details ?? '{}')).toMatchObject({ tested: 2, failed: 1 });
    const sent = await messages();
    expect(sent.map((m) => m.template_code)).toEqual(['keys.self-test-failed']);
    expect(sent[0]?.dedupe_key).toMatch(/^keys-self-test:platform-issuing:/);
    // the startup check refuses the same token
    await expect(t.ctx.trust.checkKeys()).rejects.toThrow();
  });
});
