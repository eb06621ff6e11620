import { signCallback } from '@signx/client';

// An ERP starts a signing request with a signed inbound callback: the credential's key id
// and whsec_ secret sign these exact body bytes; retries sign again and reuse the
// Idempotency-Key (the ERP document number), so SignX starts one request only.
export async function startFromErp(
  baseUrl: string,
  credential: { keyId: string; secret: string },
  invoice: { number: string; buyer: string; email: string },
) {
  const body = JSON.stringify({
    entity_type: 'invoice',
    entity_id: invoice.number,
    title: `Invoice ${invoice.number}`,
    signers: [{ signer_name: invoice.buyer, signer_email: invoice.email, signer_type: 'customer' }],
  });
  const response = await fetch(`${baseUrl}/api/v1/callbacks/signing-requests`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `invoice-${invoice.number}`,
      ...signCallback(credential, body),
    },
    body,
  });
  const answer = (await response.json()) as {
    code: number;
    message: string;
    data?: { request: { id: string; status: string }; links: { token: string }[] };
  };
  if (!response.ok || !answer.data) throw new Error(`callback refused: ${answer.code} ${answer.message}`);
  return answer.data;
}
