import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onWebhook, signxClient, startSigning } from '../../../docs/examples/signx-integration.js';
import { requestSummaryPdf } from '../../server/src/modules/signing/pdf-signing.js';
import {
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  tokenFor,
} from '../../server/test/identity-fixtures.js';
import { pngDataUrl } from '../../server/test/signing-kit.js';
import { createSignxClient, items, pages, SignxApiError, type SignxClient } from '../src/index.js';

/**
 * @signx/client against the whole server listening on an ephemeral port: an administrator
 * makes an API key; the integration (the docs/examples/signx-integration.ts code that
 * docs/integration.md shows) files a PDF, starts a request, follows it by webhook to a
 * loopback receiver and fetches the signed PDF and the evidence.
 */
let t: IdentityTestApp;
let baseUrl: string;
let admin: SignxClient;
let apiKey: string;
let receiver: Server;
let receiverUrl: string;
const deliveries: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];

beforeAll(async () => {
  t = await createIdentityTestApp({ OUTBOUND_ALLOW_LIST: '127.0.0.1/32' });
  await createAdmin(t.app);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = createSignxClient({ baseUrl, bearerToken: await tokenFor(t.app, 'root') });
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/signx`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await t?.close();
});

describe('@signx/client against a running server', () => {
  it('an administrator (bearer) makes an API key for the integration', async () => {
    const created = await admin.call(
      admin.api.POST('/api/v1/api-keys', {
        body: {
          name: 'ERP integration',
          permissions: [
            'documents.document.upload',
            'documents.document.read',
            'signing.request.create',
            'signing.request.read',
            'webhooks.endpoint.manage',
          ],
        },
      }),
    );
    apiKey = created.key;
    expect(apiKey.length).toBeGreaterThan(20);
  });

  it('answers a refused call with a typed SignxApiError (code, status, field errors)', async () => {
    const wrongKey = createSignxClient({ baseUrl, apiKey: `${apiKey}x` });
    const refused = await wrongKey
      .call(
        wrongKey.api.GET('/api/v1/documents', {
          params: { query: { page: 1, page_size: 1, sort: '-created_at' } },
        }),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignxApiError);
    expect([(refused as SignxApiError).status, (refused as SignxApiError).code]).toEqual([401, 40101]);
    const client = signxClient(baseUrl, apiKey);
    const invalid = (await client
      .call(client.api.POST('/api/v1/digital-signature/requests', { body: { title: 'no signers' } as never }))
      .catch((e: unknown) => e)) as SignxApiError;
    expect([invalid.status, invalid.code, invalid.codeName]).toEqual([400, 40001, 'VALIDATION']);
    expect(invalid.errors.length).toBeGreaterThan(0);
    expect(invalid.requestId).toBeTruthy();
  });

  it('starts a request from a PDF, follows it by webhook and fetches the signed PDF and evidence', async () => {
    const client = signxClient(baseUrl, apiKey);
    const endpoint = await client.call(
      client.api.POST('/api/v1/webhooks/endpoints', {
        body: { url: receiverUrl, event_types: ['signing.request.sent', 'signing.request.completed'] },
      }),
    );
    const pdf = await requestSummaryPdf({
      requestNumber: 'C-17',
      entityType: 'contract',
      entityId: 'C-17',
      title: 'Contract C-17',
      description: 'Service contract',
      createdAt: t.clock.now().toISOString(),
    });
    const started = await startSigning(client, pdf, { name: 'Dana Levi', email: 'dana@example.com' });
    expect(started.links).toHaveLength(1);

    // The signer signs on the public signing page (no credentials: the link token is the proof).
    const signer = createSignxClient({ baseUrl });
    const signed = await signer.call(
      signer.api.POST('/api/v1/digital-signature/sign', {
        body: {
          token: started.links[0]!.token,
          signature_type: 'drawn',
          signature_data: pngDataUrl(),
          consent_given: true,
        },
      }),
    );
    expect(signed.request.status).toBe('completed');
    await t.app.signx.jobs.drain();

    const now = t.clock.now().getTime();
    const seen: string[] = [];
    let files: Awaited<ReturnType<typeof onWebhook>>['files'] = null;
    for (const delivery of deliveries) {
      const handled = await onWebhook(client, endpoint.secret, delivery.headers, delivery.body, { now });
      seen.push(handled.event.type);
      files ??= handled.files;
    }
    expect(seen).toEqual(['signing.request.sent', 'signing.request.completed']);
    expect(files?.pdfs).toHaveLength(1);
    const signedPdf = Buffer.from(files!.pdfs[0]!);
    expect(signedPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(signedPdf.length).toBeGreaterThan(pdf.length);
    expect(signedPdf.includes('/ByteRange')).toBe(true); // a PAdES signature, absent from the upload
    expect(Buffer.from(pdf).includes('/ByteRange')).toBe(false);
    expect(files?.evidence).toHaveProperty('statement');

    // A tampered delivery is refused before anything is fetched.
    const forged = { ...deliveries[1]!, body: deliveries[1]!.body.replace('completed', 'cancelled') };
    await expect(onWebhook(client, endpoint.secret, forged.headers, forged.body, { now })).rejects.toThrow(
      'no_matching_signature',
    );
  });

  it('walks a list page by page with the pagination helper', async () => {
    const client = signxClient(baseUrl, apiKey);
    const pdf = await requestSummaryPdf({
      requestNumber: 'C-18',
      entityType: 'contract',
      entityId: 'C-18',
      title: 'Second',
      description: 'x',
      createdAt: t.clock.now().toISOString(),
    });
    await startSigning(client, pdf, { name: 'Omer', email: 'omer@example.com' });
    const fetchPage = (page: number) =>
      client.call(
        client.api.GET('/api/v1/documents', {
          params: { query: { page, page_size: 1, sort: '-created_at' } },
        }),
      );
    const seen = [];
    for await (const page of pages(fetchPage)) seen.push(page.page);
    const all = [];
    for await (const document of items(fetchPage)) all.push(document.id);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(all).toHaveLength(seen.length);
    expect(new Set(all).size).toBe(all.length);
  });
});
