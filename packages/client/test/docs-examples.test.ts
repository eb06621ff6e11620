import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSummaryPdf } from '../../server/src/modules/signing/pdf-signing.js';
import {
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../server/test/identity-fixtures.js';
import { pngDataUrl } from '../../server/test/signing-kit.js';
import { createSignxClient } from '../src/index.js';

/**
 * docs/integration.md includes docs/examples/* verbatim (checked here), and the curl
 * scripts run against the server listening on an ephemeral port (async: the server answers
 * from this process while they run).
 */
const run = promisify(execFile);
const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('docs/integration.md', () => {
  it('shows each example file exactly as it is', () => {
    const doc = read('docs/integration.md');
    const included = [...doc.matchAll(/<!-- include: (\S+) -->\n```\w+\n([\s\S]*?)```\n/g)];
    expect(included.map((m) => m[1])).toEqual([
      'docs/examples/start-signing.sh',
      'docs/examples/fetch-signed.sh',
      'docs/examples/signx-integration.ts',
      'docs/examples/erp-callback.sh',
      'docs/examples/erp-callback.ts',
    ]);
    for (const [, path, shown] of included) expect(shown, `${path} differs from the page`).toBe(read(path!));
  });
});

describe('the curl examples', () => {
  let t: IdentityTestApp;
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    t = await createIdentityTestApp();
    await createAdmin(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const admin = createSignxClient({ baseUrl, bearerToken: await tokenFor(t.app, 'root') });
    const permissions = ['documents.document.upload', 'documents.document.read'];
    permissions.push('signing.request.create', 'signing.request.read');
    const key = await admin.call(admin.api.POST('/api/v1/api-keys', { body: { name: 'curl', permissions } }));
    env = { ...process.env, SIGNX_URL: baseUrl, SIGNX_API_KEY: key.key } as Record<string, string>;
    dir = mkdtempSync(join(tmpdir(), 'signx-curl-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('start a request from a PDF, and fetch the signed PDF and evidence once it is completed', async () => {
    const pdf = await requestSummaryPdf({
      requestNumber: 'C-17',
      entityType: 'contract',
      entityId: 'C-17',
      title: 'Contract C-17',
      description: 'curl',
      createdAt: t.clock.now().toISOString(),
    });
    writeFileSync(join(dir, 'contract.pdf'), pdf);
    const script = (name: string) => new URL(`docs/examples/${name}`, root).pathname;
    const started = await run(
      'bash',
      [script('start-signing.sh'), join(dir, 'contract.pdf'), 'Dana', 'd@x.com'],
      {
        env,
      },
    );
    const out = JSON.parse(started.stdout) as {
      request_id: string;
      status: string;
      links: { token: string }[];
    };
    expect(out.status).toBe('sent');

    const notYet = await run('bash', [script('fetch-signed.sh'), out.request_id, join(dir, 'early')], {
      env,
    }).catch((e: { code: number }) => e);
    expect((notYet as { code: number }).code).not.toBe(0); // no evidence before completion

    const signer = createSignxClient({ baseUrl: env.SIGNX_URL! });
    const body = { token: out.links[0]!.token, signature_type: 'drawn' as const, consent_given: true };
    await signer.call(
      signer.api.POST('/api/v1/digital-signature/sign', { body: { ...body, signature_data: pngDataUrl() } }),
    );
    await t.app.signx.jobs.drain();
    const fetched = await run('bash', [script('fetch-signed.sh'), out.request_id, join(dir, 'out')], { env });
    expect(fetched.stdout.trim()).toBe('completed');
    const files = (await run('ls', [join(dir, 'out')])).stdout.trim().split('\n');
    expect(files).toContain('evidence.json');
    const signedPdf = readFileSync(join(dir, 'out', files.find((f) => f.endsWith('.pdf'))!));
    expect(signedPdf.includes('/ByteRange')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'evidence.json'), 'utf8'))).toHaveProperty('statement');
  });
});
