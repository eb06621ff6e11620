import { expect } from 'vitest';
import { documents } from '../src/modules/documents/index.js';
import { pngDataUrl } from './signing-kit.js';
import type { TestApp } from './test-app.js';

/** Test helpers of the evidence and verification suites: a request signed by two people and sealed. */
const api = '/api/v1/digital-signature';

export const PHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148';

export interface CompletedRequest {
  id: string;
  request_number: string;
  document_id: string;
  signatures: { id: string; signature_number: string }[];
}

/** Creates, sends, signs (drawn then typed, with a phone user agent) and seals a request. */
export async function completedRequest(
  t: TestApp,
  sender: Record<string, string>,
  options: { language: 'en' | 'he' | 'zh-CN'; title: string; names: [string, string]; consent: string },
): Promise<CompletedRequest> {
  const created = await t.app.inject({
    method: 'POST',
    url: `${api}/requests`,
    headers: sender,
    payload: {
      entity_type: 'contract',
      entity_id: 456,
      title: options.title,
      language: options.language,
      signature_order: 'sequential',
      signers: options.names.map((name, i) => ({
        signer_name: name,
        signer_email: `signer${i}@example.com`,
        signer_type: i === 0 ? 'customer' : 'company',
        signing_order: i + 1,
      })),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const request = created.json().data;
  const sent = await t.app.inject({
    method: 'POST',
    url: `${api}/requests/${request.id}/send`,
    headers: sender,
  });
  const links: { token: string; signing_order: number }[] = sent.json().data.links;
  const headers = { 'user-agent': PHONE_UA };
  for (const link of [...links].sort((a, b) => a.signing_order - b.signing_order)) {
    await t.app.inject({ method: 'GET', url: `${api}/signing-page/${link.token}`, headers });
    const signed = await t.app.inject({
      method: 'POST',
      url: `${api}/sign`,
      headers,
      payload: {
        token: link.token,
        ...(link.signing_order === 1
          ? { signature_type: 'drawn', signature_data: pngDataUrl() }
          : { signature_type: 'typed', signature_data: options.names[1] }),
        consent_given: true,
        consent_text: options.consent,
      },
    });
    expect(signed.statusCode, signed.body).toBe(201);
  }
  await t.app.signx.jobs.drain();
  const done = (
    await t.app.inject({ method: 'GET', url: `${api}/requests/${request.id}`, headers: sender })
  ).json().data;
  expect(done.seal_status).toBe('sealed');
  return {
    id: request.id,
    request_number: done.request_number,
    document_id: done.documents[0].document_id,
    signatures: done.signatures.map((s: { id: string; signature_number: string }) => ({
      id: s.id,
      signature_number: s.signature_number,
    })),
  };
}

/** The current (sealed) PDF of a document. */
export async function currentPdf(t: TestApp, documentId: string): Promise<Buffer> {
  const current = await documents.current(t.database.db, documentId);
  return documents.read(t.app.signx, current.sha256);
}
