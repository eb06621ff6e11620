import type { Page, Route } from 'playwright-core';

/**
 * A two-page PDF written by hand: page 1 has English text in Helvetica and Chinese text in
 * the non-embedded CID font STSong-Light with the UniGB-UTF16-H encoding, which pdf.js can
 * only show with the Adobe-GB1 cMaps (served from /assets/pdfjs/cmaps/; without them such
 * PDFs render blank). Page 2 carries a line of English.
 */
export function cjkSamplePdf(): Buffer {
  const utf16 = (text: string) =>
    [...text]
      .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('')
      .toUpperCase();
  const page1 = `BT /F1 20 Tf 50 760 Td (Service agreement SA-E2E) Tj ET BT /F2 20 Tf 50 720 Td <${utf16('供货合同签署页')}> Tj ET`;
  const page2 = 'BT /F1 16 Tf 50 760 Td (Page two: terms and signatures) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 8 0 R >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 9 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [7 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 10 0 R >>',
    `<< /Length ${page1.length} >>\nstream\n${page1}\nendstream`,
    `<< /Length ${page2.length} >>\nstream\n${page2}\nendstream`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The seed-shaped `signing-page/{token}` answer the fixture API gives for `token`. */
export function signingPage(token: string, signerName: string) {
  return {
    request: {
      request_number: 'SIG-REQ-2026-00001',
      title: 'חוזה שירות שנתי 供货合同',
      description: 'נא לחתום על החוזה המצורף',
      entity_type: 'contract',
      status: 'sent',
      language: 'he',
      expires_at: '2026-12-31T12:00:00.000Z',
      allowed_signature_types: ['drawn', 'typed', 'image'],
      consent_text: 'אני מאשר/ת שקראתי והבנתי את המסמך',
    },
    signer: {
      id: 'signer-1',
      signer_name: signerName,
      signer_email: 'customer@example.com',
      signer_type: 'customer',
      role: 'signer',
      signing_order: 1,
      status: 'viewed',
      is_current_turn: true,
    },
    documents: [
      {
        document_id: 'doc-1',
        version: 1,
        sha256: '0'.repeat(64),
        url: `/api/v1/digital-signature/signing-page/${token}/documents/doc-1`,
      },
    ],
    fields: [
      {
        id: 'f-sig',
        field_type: 'signature',
        document_id: 'doc-1',
        page: 2,
        x: 55,
        y: 80,
        width: 35,
        height: 8,
        required: true,
      },
      {
        id: 'f-ini',
        field_type: 'initials',
        document_id: 'doc-1',
        page: 1,
        x: 80,
        y: 90,
        width: 12,
        height: 5,
        required: false,
      },
      {
        id: 'f-name',
        field_type: 'name',
        document_id: 'doc-1',
        page: 2,
        x: 10,
        y: 80,
        width: 35,
        height: 4,
        required: true,
      },
      {
        id: 'f-date',
        field_type: 'date',
        document_id: 'doc-1',
        page: 2,
        x: 10,
        y: 86,
        width: 25,
        height: 4,
        required: true,
      },
      {
        id: 'f-text',
        field_type: 'text',
        document_id: 'doc-1',
        page: 1,
        x: 10,
        y: 30,
        width: 40,
        height: 4,
        required: true,
        label: 'ID number',
      },
      {
        id: 'f-check',
        field_type: 'checkbox',
        document_id: 'doc-1',
        page: 1,
        x: 10,
        y: 40,
        width: 4,
        height: 3,
        required: true,
        label: 'I accept the terms',
      },
      {
        id: 'f-pick',
        field_type: 'dropdown',
        document_id: 'doc-1',
        page: 1,
        x: 10,
        y: 50,
        width: 30,
        height: 4,
        required: false,
        options: ['A', 'B'],
      },
    ],
  };
}

const envelope = (data: unknown) =>
  JSON.stringify({ code: 0, message: 'success', data, timestamp: Date.now() });

export interface FixtureApi {
  signed: Record<string, unknown>[];
  declined: { token: string; reason: string }[];
}

/**
 * Answers `/api/v1/digital-signature/*` in the browser with seed 004's shapes, for the pages'
 * own behaviour (layout, fields, dialog, languages, accessibility). The signing module's real
 * routes are exercised by the full-flow test once they exist; this stands in for nothing
 * else: every other request goes to the real server.
 */
export async function routeFixtureApi(page: Page, signerName = 'ישראל ישראלי'): Promise<FixtureApi> {
  const api: FixtureApi = { signed: [], declined: [] };
  const pdf = cjkSamplePdf();
  await page.route('**/api/v1/digital-signature/**', async (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.replace('/api/v1/digital-signature/', '');
    const method = route.request().method();
    if (method === 'GET' && /^signing-page\/good-token-0123456789abcdef\/documents\/doc-1$/.test(path))
      return route.fulfill({ status: 200, contentType: 'application/pdf', body: pdf });
    if (method === 'GET' && path === 'signing-page/good-token-0123456789abcdef')
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: envelope(signingPage('good-token-0123456789abcdef', signerName)),
      });
    if (method === 'GET' && path === 'signing-page/nofields-token-0123456789abcdef') {
      const { fields: _placed, ...withoutFields } = signingPage('good-token-0123456789abcdef', signerName);
      return route.fulfill({ status: 200, contentType: 'application/json', body: envelope(withoutFields) });
    }
    if (method === 'GET' && path === 'signing-page/later-token-0123456789abcdef') {
      const later = signingPage('good-token-0123456789abcdef', signerName);
      later.signer.is_current_turn = false;
      return route.fulfill({ status: 200, contentType: 'application/json', body: envelope(later) });
    }
    if (method === 'GET' && path.startsWith('signing-page/'))
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({
          code: 40401,
          message: 'Signing link not found or expired',
          timestamp: Date.now(),
        }),
      });
    if (method === 'POST' && path === 'sign') {
      api.signed.push(route.request().postDataJSON());
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: envelope({
          signature: {
            id: 'sig-1',
            signature_number: 'SIG-2026-00042',
            signed_at: '2026-12-06T07:30:00.000Z',
          },
          request: { status: 'partially_signed', completion_percentage: 50 },
        }),
      });
    }
    if (method === 'POST' && path === 'decline') {
      api.declined.push(route.request().postDataJSON());
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: envelope({ status: 'rejected' }),
      });
    }
    if (method === 'GET' && path === 'verify/SIG-2026-00042')
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: envelope({
          valid: true,
          signature_number: 'SIG-2026-00042',
          signer_name: signerName,
          signed_at: '2026-12-06T07:30:00.000Z',
          signature_type: 'drawn',
          entity_type: 'contract',
        }),
      });
    if (method === 'GET' && path === 'verify/SIG-2026-00007')
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: envelope({
          valid: false,
          signature_number: 'SIG-2026-00007',
          reason: 'The signature was revoked',
          reason_he: 'החתימה בוטלה',
          reason_zh: '签名已被撤销',
        }),
      });
    if (method === 'GET' && path.startsWith('verify/'))
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ code: 40401, message: 'Signature not found', timestamp: Date.now() }),
      });
    return route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({ code: 40401, message: 'not in fixture' }),
    });
  });
  return api;
}
