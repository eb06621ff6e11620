import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFromErp } from '../../../docs/examples/erp-callback.js';
import {
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../server/test/identity-fixtures.js';
import { createSignxClient, signCallback, verifyCallback } from '../src/index.js';

/**
 * Inbound callbacks with @signx/client against the whole server on an ephemeral port: an
 * administrator makes a credential; the docs/integration.md examples (TypeScript and curl)
 * start signing requests with signed calls; tampered calls are refused.
 */
const run = promisify(execFile);
let t: IdentityTestApp;
let baseUrl: string;
let credential: { keyId: string; secret: string };
let dir: string;

beforeAll(async () => {
  t = await createIdentityTestApp();
  t.clock.set(new Date()); // the curl example signs with the machine's clock
  await createAdmin(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const admin = createSignxClient({ baseUrl, bearerToken: await tokenFor(t.app, 'root') });
  const made = await admin.call(
    admin.api.POST('/api/v1/webhooks/inbound-credentials', {
      body: { name: 'ERP', operations: ['signing.request.create'], ip_allow_list: ['127.0.0.0/8', '::1'] },
    }),
  );
  credential = { keyId: made.credential.key_id, secret: made.secret };
  dir = mkdtempSync(join(tmpdir(), 'signx-callback-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('inbound callbacks with @signx/client', () => {
  it('signs what verifyCallback accepts, and refuses an altered body or a stale timestamp', () => {
    const body = '{"a":1}';
    const headers = signCallback(credential, body, { timestamp: 1_800_000_000, requestId: 'req-00000001' });
    const secrets = { keyId: credential.keyId, secrets: [credential.secret] };
    const now = 1_800_000_000_000;
    expect(verifyCallback(secrets, headers, body, { now })).toEqual({ ok: true, requestId: 'req-00000001' });
    expect(verifyCallback(secrets, headers, '{"a":2}', { now })).toMatchObject({
      reason: 'no_matching_signature',
    });
    expect(verifyCallback(secrets, headers, body, { now: now + 301_000 })).toMatchObject({
      reason: 'timestamp_out_of_window',
    });
  });

  it('the TypeScript example starts a request once per invoice, even when retried', async () => {
    const invoice = { number: 'INV-1001', buyer: 'Dana Buyer', email: 'dana@example.com' };
    const first = await startFromErp(baseUrl, credential, invoice);
    expect(first.request.status).toBe('sent');
    expect(first.links).toHaveLength(1);
    const retry = await startFromErp(baseUrl, credential, invoice);
    expect(retry.request.id).toBe(first.request.id);
  });

  it('the curl example starts a request; a tampered body is refused with 40143', async () => {
    const bodyFile = join(dir, 'body.json');
    const body = {
      entity_type: 'invoice',
      entity_id: 'INV-2002',
      title: 'Invoice INV-2002',
      signers: [{ signer_name: 'Eli' }],
    };
    writeFileSync(bodyFile, JSON.stringify(body));
    const env = {
      ...process.env,
      SIGNX_URL: baseUrl,
      SIGNX_KEY_ID: credential.keyId,
      SIGNX_SECRET: credential.secret,
    };
    const script = new URL('../../../docs/examples/erp-callback.sh', import.meta.url).pathname;
    const { stdout } = await run('bash', [script, bodyFile], { env });
    expect(JSON.parse(stdout).data.request).toMatchObject({ entity_id: 'INV-2002', status: 'sent' });

    const raw = JSON.stringify(body);
    const headers = signCallback(credential, raw);
    const tampered = await fetch(`${baseUrl}/api/v1/callbacks/signing-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw.replace('INV-2002', 'INV-6666'),
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ code: 40143 });
  });
});
