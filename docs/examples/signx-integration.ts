import { createSignxClient, type SignxClient, type VerifyOptions, verifyWebhook } from '@signx/client';

// 1. A client with the integration's API key (X-API-Key); `bearerToken` works the same way.
export function signxClient(baseUrl: string, apiKey: string): SignxClient {
  return createSignxClient({ baseUrl, apiKey });
}

// 2. Start a signing request from a PDF: file the document, create the request, send it.
//    `links` holds each signer's signing link token (the e-mail carries the same link).
export async function startSigning(
  client: SignxClient,
  pdf: Uint8Array,
  signer: { name: string; email: string },
) {
  const filed = await client.uploadDocument(
    { name: 'contract-C-17.pdf', content: pdf, type: 'application/pdf' },
    { title: 'Contract C-17', category: 'contract', entity_type: 'contract', entity_id: 'C-17' },
  );
  const request = await client.call(
    client.api.POST('/api/v1/digital-signature/requests', {
      body: {
        entity_type: 'contract',
        entity_id: 'C-17',
        title: 'Contract C-17',
        document_ids: [filed.document.id],
        signers: [{ signer_name: signer.name, signer_email: signer.email, signing_order: 1 }],
      },
    }),
  );
  const sent = await client.call(
    client.api.POST('/api/v1/digital-signature/requests/{id}/send', {
      params: { path: { id: request.id } },
    }),
  );
  return { requestId: request.id, links: sent.links };
}

// 3. Follow it by webhook: verify the delivery (raw body, before JSON parsing), then on
//    `signing.request.completed` fetch the signed PDFs and the evidence file from `links`.
interface SigningEventData {
  id: string;
  status: string;
  links: { self: string; evidence: string; certificate: string; documents: string[] };
}

export async function onWebhook(
  client: SignxClient,
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  options: VerifyOptions = { toleranceSeconds: 300 },
) {
  const event = verifyWebhook<SigningEventData>(secret, headers, rawBody, options);
  if (event.type !== 'signing.request.completed') return { event, files: null };
  const pdfs = await Promise.all(event.data.links.documents.map((link) => client.download(link)));
  const evidence = JSON.parse(new TextDecoder().decode(await client.download(event.data.links.evidence)));
  return { event, files: { pdfs, evidence } };
}
