import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectFetch } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

const senderId = '019a0000-0000-7000-8000-0000000000c1';
const sender = asUser(senderId, Object.values(can));
let t: TestApp;
const api = '/api/v1/digital-signature';
const inject = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const rows = (table: 'digital_signatures' | 'digital_signature_requests' | 'digital_signature_signers') =>
  t.database.db.selectFrom(table).selectAll().execute();
const _versions = () =>
  t.database.db.selectFrom('document_versions').select(['document_id', 'version']).execute();

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('seed 004 API', () => {
  it('use case 1: creates a request on invoice #123 exactly as the seed posts it', async () => {
    const fetch = injectFetch(t.app, sender);
    // ---- seed code, base path changed ----
    const response = await fetch('/api/v1/digital-signature/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        entity_type: 'invoice',
        entity_id: 123,
        title: 'אישור חשבונית #123',
        signers: [
          { signer_name: 'ישראל ישראלי', signer_email: 'customer@example.com', signer_type: 'customer' },
        ],
      }),
    });
    // ---- end of seed code ----
    expect(response.ok).toBe(true);
    const { data } = await response.json();
    expect(data.request_number).toMatch(/^SIG-REQ-\d{4}-\d{5}$/);
    expect(data).toMatchObject({
      entity_type: 'invoice',
      entity_id: '123',
      status: 'pending',
      priority: 'normal',
    });
    expect(data.signers).toMatchObject([
      { signer_name: 'ישראל ישראלי', signer_type: 'customer', signing_order: 1, role: 'signer' },
    ]);
    expect(data.documents).toHaveLength(1);
    expect(data.documents[0].sent_sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', data.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('signing.request.created');
    const listed = await inject('GET', '/requests?entity_type=invoice&entity_id=123', sender);
    expect(listed.json().data.items.map((r: { id: string }) => r.id)).toContain(data.id);
  });

  it('numbers requests SIG-REQ-YYYY-NNNNN without gaps or repeats under concurrent creation', async () => {
    const body = { entity_type: 'quote', entity_id: 9, title: 'Quote', signers: [{ signer_name: 'A' }] };
    const made = await Promise.all([1, 2, 3, 4].map(() => inject('POST', '/requests', sender, body)));
    const numbers = made.map((r) => r.json().data.request_number as string);
    expect(new Set(numbers).size).toBe(4);
  });

  it('refuses bad input with clear errors and stores nothing', async () => {
    const before = (await rows('digital_signature_requests')).length;
    const unknown = await inject('POST', '/requests', sender, {
      entity_type: 'spaceship',
      entity_id: 1,
      title: 'x',
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, signingErrors.UNKNOWN_ENTITY_TYPE.api]);
    const noTitle = await inject('POST', '/requests', sender, { entity_type: 'invoice', entity_id: 1 });
    expect(noTitle.statusCode).toBe(400);
    const anonymous = await inject(
      'POST',
      '/requests',
      {},
      { entity_type: 'invoice', entity_id: 1, title: 'x' },
    );
    expect(anonymous.statusCode).toBe(401);
    expect((await rows('digital_signature_requests')).length).toBe(before);
  });

  it('public constants list the seed’s eight entity types and seven statuses', async () => {
    const res = await inject('GET', '/constants', {});
    expect(res.json().data.entity_types).toEqual(
      expect.arrayContaining([
        'invoice',
        'contract',
        'quote',
        'repair',
        'customer',
        'document',
        'project',
        'purchase_order',
      ]),
    );
    expect(res.json().data.statuses).toEqual([
      'pending',
      'sent',
      'partially_signed',
      'completed',
      'expired',
      'cancelled',
      'rejected',
    ]);
  });

  it('templates: create with seed defaults, filter, update; a duplicate code is refused', async () => {
    const created = await inject('POST', '/templates', sender, {
      template_name: 'אישור חשבונית',
      template_code: 'INV_APPROVAL',
      entity_type: 'invoice',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({
      required_signatures_count: 1,
      signature_order: 'any',
      allow_drawn_signature: true,
      signature_valid_days: 365,
      request_expires_hours: 72,
      is_active: true,
    });
    const dup = await inject('POST', '/templates', sender, {
      template_name: 'x',
      template_code: 'INV_APPROVAL',
      entity_type: 'invoice',
    });
    expect(dup.json().code).toBe(signingErrors.TEMPLATE_CODE_TAKEN.api);
    const id = created.json().data.id;
    const updated = await inject('PUT', `/templates/${id}`, sender, {
      is_active: false,
      request_expires_hours: 24,
    });
    expect(updated.json().data).toMatchObject({ is_active: false, request_expires_hours: 24 });
    const active = await inject(
      'GET',
      '/templates?entity_type=invoice&is_active=true&search=INV&per_page=5',
      sender,
    );
    expect(active.json().data.items).toEqual([]);
    const inactive = await inject('GET', '/templates?is_active=false', sender);
    expect(inactive.json().data.items.map((x: { id: string }) => x.id)).toContain(id);
  });
});
