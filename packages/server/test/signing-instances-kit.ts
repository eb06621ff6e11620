import type { FastifyInstance } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  type IdentityTestApp,
  stepUpProof,
  tokenFor,
} from './identity-fixtures.js';
import type { TestApp } from './test-app.js';

/** Helpers of the template-instance tests (direct links, bulk send, in person). */
export const api = '/api/v1/digital-signature';

/** A one-page PDF with a line of text. */
export async function onePagePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 48, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/**
 * A template with a stored PDF and two roles: `client` (open: filled per instance) and
 * `company` (a fixed person signing second). Answers the template id.
 */
export async function readyTemplate(
  t: TestApp,
  headers: Record<string, string>,
  code: string,
  roles?: object[],
): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: `${api}/templates`,
    headers,
    payload: {
      template_name: `Service agreement ${code}`,
      template_code: code,
      entity_type: 'contract',
      signature_order: 'sequential',
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().data.id as string;
  const set = await t.app.inject({
    method: 'PUT',
    url: `${api}/templates/${id}/roles`,
    headers,
    payload: {
      roles: roles ?? [
        { role_key: 'client', label: 'Client' },
        {
          role_key: 'company',
          label: 'Company',
          signer_type: 'company',
          signer_name: 'ACME Ltd',
          signer_email: 'sign@acme.test',
          signing_order: 2,
        },
      ],
    },
  });
  if (set.statusCode !== 200) throw new Error(set.body);
  const pdf = await t.app.inject({
    method: 'POST',
    url: `${api}/templates/${id}/documents?file_name=${encodeURIComponent('Service agreement')}`,
    headers: { ...headers, 'content-type': 'application/pdf' },
    payload: await onePagePdf(`Agreement ${code}`),
  });
  if (pdf.statusCode !== 201) throw new Error(pdf.body);
  return id;
}

/**
 * Registers beforeAll/afterAll for the in-person tests: an identity app with an administrator
 * `username` signed in, the host who hands the device over. Read `t.app` and call `proof`
 * inside tests and hooks; `host` (the bearer headers) is filled in beforeAll.
 */
export function useInPersonHost(username: string) {
  let live: IdentityTestApp | undefined;
  let token = '';
  const host: Record<string, string> = {};
  beforeAll(async () => {
    live = await createIdentityTestApp();
    await createAdmin(live.app, username);
    token = await tokenFor(live.app, username);
    Object.assign(host, bearer(token));
  });
  afterAll(() => live?.close());
  const app = (): FastifyInstance => {
    if (!live) throw new Error('the in-person host is set up in beforeAll');
    return live.app;
  };
  return {
    t: {
      get app() {
        return app();
      },
    },
    host,
    /** A fresh step-up proof of the host's login session (unlocking asks for one). */
    proof: () => stepUpProof(app(), token),
  };
}
