import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

const senderId = '019a0000-0000-7000-8000-0000000000d1';
const internalId = '019a0000-0000-7000-8000-0000000000d2';
const otherId = '019a0000-0000-7000-8000-0000000000d3';
const sender = asUser(senderId, Object.values(can));
let t: TestApp;
const api = '/api/v1/digital-signature';

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('internal signers sign from their own account', () => {
  it('issues them no link, refuses anyone else (403) and a missing step-up proof (401), storing nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `${api}/requests`,
      headers: sender,
      payload: {
        entity_type: 'purchase_order',
        entity_id: 'PO-7',
        title: 'Purchase order approval',
        signers: [
          {
            signer_name: '王经理',
            user_id: internalId,
            signer_type: 'company',
            role: 'approver',
            signing_order: 1,
          },
          { signer_name: 'Supplier', signer_email: 'supplier@example.com', signing_order: 2 },
        ],
      },
    });
    const request = created.json().data;
    const sent = await t.app.inject({
      method: 'POST',
      url: `${api}/requests/${request.id}/send`,
      headers: sender,
    });
    expect(sent.json().data.links.map((l: { signer_name: string }) => l.signer_name)).toEqual(['Supplier']);
    const internal = request.signers.find((s: { user_id: string | null }) => s.user_id === internalId);
    const body = { signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true };
    const url = `${api}/requests/${request.id}/signers/${internal.id}/sign`;
    const stranger = await t.app.inject({ method: 'POST', url, headers: asUser(otherId, []), payload: body });
    expect([stranger.statusCode, stranger.json().code]).toEqual([
      403,
      signingErrors.SIGNER_NOT_LINKED_USER.api,
    ]);
    const noProof = await t.app.inject({
      method: 'POST',
      url,
      headers: asUser(internalId, []),
      payload: body,
    });
    expect(noProof.statusCode).toBe(401);
    const signatures = await t.database.db.selectFrom('digital_signatures').selectAll().execute();
    expect(signatures.filter((s) => s.request_id === request.id)).toEqual([]);
    const versions = await t.database.db
      .selectFrom('document_versions')
      .select('version')
      .where('document_id', '=', request.documents[0].document_id)
      .execute();
    expect(versions).toHaveLength(1);
  });
});
