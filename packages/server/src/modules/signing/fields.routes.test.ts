import { validate } from '@signx/pades';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnPng, pdfsig, pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { documents } from '../documents/index.js';
import { modules } from '../index.js';
import { fieldErrors } from './fields.errors.js';
import { can } from './signing.catalogue.js';

/** Issue 15 item 3: fields placed per signer, required on signing, drawn into the signer's signature. */
const sender = asUser('019a0000-0000-7000-8000-0000000000f1', Object.values(can));
let t: TestApp;
const api = '/api/v1/digital-signature';
const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const count = async (
  table: 'digital_signature_requests' | 'digital_signature_fields' | 'digital_signatures',
) => (await t.database.db.selectFrom(table).select('id').execute()).length;
const fieldRows = (requestId: string) =>
  t.database.db
    .selectFrom('digital_signature_fields')
    .selectAll()
    .where('request_id', '=', requestId)
    .execute();

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

const dana = { signer_name: 'Dana Customer', signer_email: 'dana@example.com', signing_order: 1 };
const omer = {
  signer_name: 'Omer Company',
  signer_email: 'omer@example.com',
  signer_type: 'company',
  signing_order: 2,
};
const parties = [dana, omer];
const box = { page: 1, x: 10, y: 10, width: 30, height: 5 };
const placed = [
  { signer_index: 0, field_type: 'signature', ...box, y: 70, height: 8 },
  { signer_index: 0, field_type: 'text', label: 'Address', ...box },
  { signer_index: 0, field_type: 'dropdown', options: ['Monthly', 'Yearly'], ...box, y: 20 },
  { signer_index: 0, field_type: 'checkbox', ...box, y: 30, width: 4, height: 3 },
  { signer_index: 0, field_type: 'date', required: false, ...box, y: 40 },
  { signer_index: 0, field_type: 'initials', ...box, y: 50, width: 10 },
  { signer_index: 1, field_type: 'name', ...box, x: 50, y: 80 },
];
const create = (fields: object[], signers: object[] = parties) =>
  inject('POST', '/requests', sender, {
    entity_type: 'contract',
    entity_id: 'C-15',
    title: 'Fields',
    signers,
    fields,
  });

async function createAndSend(fields: object[], signers: object[] = parties) {
  const created = await create(fields, signers);
  expect(created.statusCode).toBe(201);
  const sent = await inject('POST', `/requests/${created.json().data.id}/send`, sender);
  expect(sent.statusCode).toBe(200);
  return { id: created.json().data.id as string, links: sent.json().data.links as { token: string }[] };
}
const sign = (token: string, extra: object = {}) =>
  inject(
    'POST',
    '/sign',
    {},
    {
      token,
      signature_type: 'drawn',
      signature_data: pngDataUrl(),
      consent_given: true,
      ...extra,
    },
  );

describe('placing fields on a new request', () => {
  it('stores each field per signer in page percent, as the new-request page sends them', async () => {
    const created = await create(placed);
    expect(created.statusCode).toBe(201);
    const stored = await fieldRows(created.json().data.id);
    expect(stored).toHaveLength(7);
    const signers = created.json().data.signers as { id: string; signer_name: string }[];
    const dana = signers.find((s) => s.signer_name === 'Dana Customer')!.id;
    expect(stored.filter((f) => f.signer_id === dana)).toHaveLength(6);
    expect(stored.find((f) => f.field_type === 'dropdown')?.options).toBe('["Monthly","Yearly"]');
    expect(stored.find((f) => f.field_type === 'date')?.required).toBe(0);
    expect(stored.every((f) => f.document_id === created.json().data.documents[0].document_id)).toBe(true);
  });

  it.each([
    ['a page beyond the document', { signer_index: 0, field_type: 'text', ...box, page: 2 }],
    ['a box past the page edge', { signer_index: 0, field_type: 'text', ...box, x: 80 }],
    ['a dropdown without options', { signer_index: 0, field_type: 'dropdown', ...box }],
    ['options on a text field', { signer_index: 0, field_type: 'text', options: ['a'], ...box }],
    ['an unknown signer', { signer_index: 5, field_type: 'text', ...box }],
    ['an unknown document', { signer_index: 0, field_type: 'text', document_id: 'nope', ...box }],
  ])('refuses %s with 40091 and stores nothing', async (_, field) => {
    const [requests, fields] = [
      await count('digital_signature_requests'),
      await count('digital_signature_fields'),
    ];
    const response = await create([field]);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(fieldErrors.FIELD_PLACEMENT_INVALID.api);
    expect(await count('digital_signature_requests')).toBe(requests);
    expect(await count('digital_signature_fields')).toBe(fields);
  });

  it('refuses fields for a party that does not sign, and bad coordinates by schema', async () => {
    const viewer = await create(
      [{ signer_index: 1, field_type: 'text', ...box }],
      [dana, { ...omer, role: 'viewer' }],
    );
    expect(viewer.json().code).toBe(fieldErrors.FIELD_PLACEMENT_INVALID.api);
    const negative = await create([{ signer_index: 0, field_type: 'text', ...box, x: -1 }]);
    expect(negative.statusCode).toBe(400);
    const unknownType = await create([{ signer_index: 0, field_type: 'stamp', ...box }]);
    expect(unknownType.statusCode).toBe(400);
  });
});

describe('signing with placed fields', () => {
  let id: string;
  let links: { token: string }[];
  let ids: Record<string, string>;
  beforeAll(async () => {
    ({ id, links } = await createAndSend(placed));
    const page = await inject('GET', `/signing-page/${links[0]!.token}`, {});
    const fields = page.json().data.fields as { id: string; field_type: string; required: boolean }[];
    expect(fields).toHaveLength(6);
    ids = Object.fromEntries(fields.map((f) => [f.field_type, f.id]));
  });

  it('refuses to sign while a required field is empty (40092), naming it; nothing is stored', async () => {
    const [signatures, versions] = [await count('digital_signatures'), await documentVersions()];
    const response = await sign(links[0]!.token, { fields: [{ id: ids.text, value: '1 Main St' }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(fieldErrors.FIELDS_REQUIRED.api);
    expect(response.json().message).toMatch(/required field/);
    expect(await count('digital_signatures')).toBe(signatures);
    expect(await documentVersions()).toBe(versions);
    expect((await fieldRows(id)).every((f) => f.value === null)).toBe(true);
  });

  it.each([
    ['a choice not offered', (i: Record<string, string>) => ({ id: i.dropdown, value: 'Weekly' })],
    ['a checkbox that is not true/false', (i: Record<string, string>) => ({ id: i.checkbox, value: 'yes' })],
    ['a date that is not a date', (i: Record<string, string>) => ({ id: i.date, value: '2026-02-30' })],
    ['another signer’s field', () => ({ id: 'not-mine', value: 'x' })],
    [
      'initials that are not a PNG',
      (i: Record<string, string>) => ({ id: i.initials, value: 'data:image/png;base64,AAAA' }),
    ],
  ])('refuses %s (40093) and stores nothing', async (_, bad) => {
    const values = [
      { id: ids.text!, value: '1 Main St' },
      { id: ids.dropdown!, value: 'Yearly' },
      { id: ids.checkbox!, value: 'true' },
    ];
    const odd = bad(ids);
    const response = await sign(links[0]!.token, { fields: [...values.filter((v) => v.id !== odd.id), odd] });
    expect(response.json().code).toBe(fieldErrors.FIELD_VALUE_INVALID.api);
    expect((await fieldRows(id)).every((f) => f.value === null)).toBe(true);
  });

  it('signs with every required field filled: values stored and drawn as widgets of the signer’s signature', async () => {
    const response = await sign(links[0]!.token, {
      fields: [
        { id: ids.text, value: 'רחוב הרצל 1, 北京' },
        { id: ids.dropdown, value: 'Yearly' },
        { id: ids.checkbox, value: 'true' },
        { id: ids.initials, value: pngDataUrl(drawnPng(20)) },
      ],
    });
    expect(response.statusCode).toBe(201);
    const stored = await fieldRows(id);
    const value = (type: string) => stored.find((f) => f.field_type === type)?.value;
    expect(value('text')).toBe('רחוב הרצל 1, 北京');
    expect(value('dropdown')).toBe('Yearly');
    expect(value('checkbox')).toBe('true');
    expect(value('signature')).toBe('signed');
    expect(value('date')).toBeNull();
    expect(value('name')).toBeNull(); // the next signer's field

    // The next signer fills their name field and signs; the first signature stays valid.
    const page = await inject('GET', `/signing-page/${links[1]!.token}`, {});
    const [nameField] = page.json().data.fields;
    expect(nameField).toMatchObject({ field_type: 'name', required: true, value: null });
    const missing = await sign(links[1]!.token, { signature_type: 'typed', signature_data: 'Omer Company' });
    expect(missing.json().code).toBe(fieldErrors.FIELDS_REQUIRED.api);
    const second = await sign(links[1]!.token, {
      signature_type: 'typed',
      signature_data: 'Omer Company',
      fields: [{ id: nameField.id, value: 'Omer Company' }],
    });
    expect(second.statusCode).toBe(201);

    const request = (await inject('GET', `/requests/${id}`, sender)).json().data;
    const current = await documents.current(t.database.db, request.documents[0].document_id);
    const pdf = await documents.read(t.app.signx, current.sha256);
    const root = await t.app.signx.trust.rootCertificate();
    const report = await validate(pdf, { trustAnchors: [root] });
    const poppler = pdfsig(pdf, root);
    if (process.env.SIGNX_KEEP_FIELDS_PDF)
      await import('node:fs').then((fs) => fs.writeFileSync(process.env.SIGNX_KEEP_FIELDS_PDF!, pdf));
    expect(poppler.out).toContain('Signature is Valid');
    expect(poppler.out).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    if (process.env.SIGNX_KEEP_FIELDS_PDF)
      await import('node:fs').then((fs) => fs.writeFileSync(process.env.SIGNX_KEEP_FIELDS_PDF!, pdf));
    const signatures = report.signatures.filter((s) => s.kind === 'signature');
    expect(signatures.length).toBeGreaterThanOrEqual(2);
    expect(signatures.every((s) => s.digestMatches && s.signatureValid && s.chain.isTrusted)).toBe(true);
    // Everything after the first signature (the second signer's widgets and values) is allowed.
    expect(signatures[0]!.changes.filter((c) => !c.allowed)).toEqual([]);
    // The first signer's field has its signature box plus five stamps (text, dropdown, checkbox, initials, …).
    const text = Buffer.from(pdf).toString('latin1');
    expect((text.match(/\/Parent \d+ 0 R/g) ?? []).length).toBeGreaterThanOrEqual(1 + 4 + 1);
    const listed = (await inject('GET', `/requests/${id}/fields`, sender)).json().data;
    expect(listed).toHaveLength(7);
  });
});

describe('free placement when the sender placed no signature field', () => {
  it('takes the signer’s own box, and refuses one off the page', async () => {
    const { links } = await createAndSend([], [dana]);
    const page = await inject('GET', `/signing-page/${links[0]!.token}`, {});
    expect(page.json().data.fields).toEqual([]);
    const off = await sign(links[0]!.token, {
      signature_placement: { page: 1, x: 90, y: 10, width: 20, height: 8 },
    });
    expect(off.json().code).toBe(fieldErrors.FIELD_VALUE_INVALID.api);
    const ok = await sign(links[0]!.token, {
      signature_placement: { page: 1, x: 60, y: 80, width: 30, height: 8 },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a free placement when the sender placed the signature', async () => {
    const { links } = await createAndSend([{ signer_index: 0, field_type: 'signature', ...box }], [dana]);
    const response = await sign(links[0]!.token, {
      signature_placement: { page: 1, x: 60, y: 80, width: 30, height: 8 },
    });
    expect(response.json().code).toBe(fieldErrors.FIELD_VALUE_INVALID.api);
  });
});

async function documentVersions() {
  return (await t.database.db.selectFrom('document_versions').select('id').execute()).length;
}
