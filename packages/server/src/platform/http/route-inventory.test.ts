import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { installAccessControl } from './access.js';

/** The routes anyone may call without signing in; adding one is a reviewed change of this list. */
const expectedPublicRoutes = [
  /^\/health$/,
  /^\/ready$/,
  /^\/metrics$/,
  /^\/api\/schema$/,
  /^\/api\/docs\//,
  /^\*$/,
  // The built web app (static files and its history fallback; server paths excluded, see web-app.ts).
  /^\/$/,
  /^\/\*$/,
  /^\/assets\/\*$/,
  /^\/api\/v1\/auth\/(login|refresh|password\/reset\/request|password\/reset|mfa\/verify|mfa\/email|mfa\/passkey|mfa\/passkey\/options)$/,
  // Capability links in messages: one-click unsubscribe (RFC 8058) and the full text of a cut post.
  /^\/api\/v1\/notifications\/(unsubscribe|view)\/:token$/,
  // SMS delivery receipts: Twilio's are signed, Aliyun's and Tencent's carry a capability token.
  /^\/api\/v1\/notifications\/callbacks\/(twilio\/:id|:kind\/:id\/:token)$/,
  // IM approval-card buttons (Feishu, DingTalk, WeCom; GET: WeCom URL check): signature, encryption, token.
  /^\/api\/v1\/im\/:provider\/card-callback$/,
  // The platform PKI publishes its CA certificates, CRLs and OCSP answers (URLs in every certificate).
  /^\/pki\/(root\.crt|issuing\.crt|root\.crl|issuing\.crl|issuing-:serial\.crl|ocsp|ocsp\/:request)$/,
  // Seed 004: public verification and constants; external signers use their signing-link token.
  /^\/api\/v1\/digital-signature\/(verify\/:signature_number|constants|sign|decline)$/,
  // Issue 15 (sign-evidence): the full verification report of an uploaded PDF.
  /^\/api\/v1\/digital-signature\/verify-document$/,
  /^\/api\/v1\/digital-signature\/signing-page\/:token(\/documents\/:document_id)?$/,
  // Issue 15 (sign-fields): an assistant fills its signer's fields with its signing-link token.
  /^\/api\/v1\/digital-signature\/fill$/,
  // Issue 15 items 9 and 10 (sign-bulk): a template's direct link; the kiosk page holds its session's secret.
  /^\/api\/v1\/digital-signature\/direct\/:token$/,
  /^\/api\/v1\/digital-signature\/in-person\/:session_id\/(finish|cancel)$/,
  // Issue 15 (sign-access): the second-factor step of a signing link (shows nothing of the document).
  /^\/api\/v1\/digital-signature\/signing-page\/:token\/factor(\/send|\/verify)?$/,
];

/**
 * Creations that do not accept Idempotency-Key, each with the reason; everything else a
 * client creates with POST (201) may be retried safely.
 */
const createsWithoutIdempotency = new Map([
  // The reply carries the new key's secret, shown once; a stored reply would keep it in the database.
  ['POST /api/v1/api-keys', 'the reply holds a secret that is never stored'],
  // A signer signs once: a retry is answered SIGNER_DONE, and the public route stores no replies.
  ['POST /api/v1/digital-signature/sign', 'single use per signing link'],
  [
    'POST /api/v1/digital-signature/requests/:id/signers/:signer_id/sign',
    'single use per signer, with a single-use step-up proof',
  ],
  // Replies that carry a secret shown once (a stored reply would keep it in the database).
  ['POST /api/v1/digital-signature/templates/:id/direct-link', 'the reply holds the link secret'],
  ['POST /api/v1/digital-signature/direct/:token', 'the reply holds the visitor’s signing-link token'],
  [
    'POST /api/v1/digital-signature/requests/:id/signers/:signer_id/in-person',
    'the reply holds the kiosk’s signing-link and session secrets',
  ],
  // A Part 11 signature is one ceremony (secrets checked outside any transaction, each attempt
  // logged); a retry is a new signing that must pass its own ceremony.
  ['POST /api/v1/signature/create', 'each signing runs its own ceremony'],
  ['POST /api/v1/audit-reviews/:id/sign-off', 'a signature: each signing runs its own ceremony'],
]);

describe('route inventory: every route declares who may call it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has only the reviewed public routes; all others need a sign-in or a permission', () => {
    const publicRoutes = t.app.routeInventory.filter((r) => 'public' in r.access);
    const unexpected = publicRoutes.filter((r) => !expectedPublicRoutes.some((p) => p.test(r.url)));
    expect(unexpected.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const route of publicRoutes) {
      expect('public' in route.access && route.access.reason.length, route.url).toBeGreaterThan(3);
    }
    expect(t.app.routeInventory.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/health', '/ready', '/metrics']),
    );
  });

  it('gives every /api/v1 route a response schema, so only declared fields reach a client', () => {
    const missing = t.app.routeInventory
      .filter((r) => r.url.startsWith('/api/v1') && !r.method.includes('OPTIONS'))
      .filter((r) => !r.schema?.response || Object.keys(r.schema.response).length === 0)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('closes every request body schema, so unknown fields are refused, not ignored', () => {
    const open = t.app.routeInventory
      .filter((r) => {
        const body = r.schema?.body as { type?: string; additionalProperties?: unknown } | undefined;
        return body?.type === 'object' && body.additionalProperties !== false;
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(open).toEqual([]);
  });

  it('lets a client retry every creation with an Idempotency-Key', () => {
    const creations = t.app.routeInventory.filter(
      (r) => r.method === 'POST' && r.schema?.response && 201 in (r.schema.response as object),
    );
    expect(creations.length).toBeGreaterThan(5);
    const missing = creations
      .map((r) => ({ name: `${r.method} ${r.url}`, isIdempotent: r.isIdempotent }))
      .filter((r) => !r.isIdempotent && !createsWithoutIdempotency.has(r.name))
      .map((r) => r.name);
    expect(missing).toEqual([]);
    const names = creations.map((r) => `${r.method} ${r.url}`);
    expect(names).toEqual(expect.arrayContaining([...createsWithoutIdempotency.keys()]));
  });

  it('refuses to register a route without a declaration', () => {
    const app = Fastify();
    installAccessControl(app, { publicBodyLimit: 16_384 });
    expect(() => app.get('/no-rule', async () => 'x')).toThrow(/no access declaration/);
  });
});
