import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../test/signing-kit.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../test/test-principal.js';
import { modules } from '../index.js';
import { fieldErrors } from './fields.errors.js';
import { can } from './signing.catalogue.js';
import { signingErrors } from './signing.errors.js';

/** Issue 15 item 2: roles (assistant, author, reviewer), any-of-N groups, order enforced on the server. */
const sender = asUser('019a0000-0000-7000-8000-0000000000f2', Object.values(can));
let t: TestApp;
const api = '/api/v1/digital-signature';
const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const signerRows = (requestId: string) =>
  t.database.db
    .selectFrom('digital_signature_signers')
    .selectAll()
    .where('request_id', '=', requestId)
    .execute();
const actions = async (id: string) =>
  (await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).execute()).map(
    (a) => a.action,
  );

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

const person = (name: string, extra: object = {}) => ({
  signer_name: name,
  signer_email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
  ...extra,
});
async function createAndSend(signers: object[], fields: object[] = [], order?: 'any' | 'sequential') {
  const created = await inject('POST', '/requests', sender, {
    entity_type: 'contract',
    entity_id: 'P-15',
    title: 'Parties',
    signers,
    fields,
    ...(order ? { signature_order: order } : {}),
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().data.id as string;
  const sent = await inject('POST', `/requests/${id}/send`, sender);
  expect(sent.statusCode).toBe(200);
  const links = sent.json().data.links as { signer_name: string; token: string }[];
  const tokenOf = (name: string) => links.find((l) => l.signer_name === name)!.token;
  return { id, tokenOf };
}
const sign = (token: string, extra: object = {}) =>
  inject(
    'POST',
    '/sign',
    {},
    { token, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true, ...extra },
  );

describe('any-of-N groups', () => {
  it('the first member to sign completes the group: the others’ links die, recorded; then the next order signs', async () => {
    const { id, tokenOf } = await createAndSend([
      person('Manager A', { signing_order: 1, signing_group: 'managers' }),
      person('Manager B', { signing_order: 1, signing_group: 'managers' }),
      person('Customer', { signing_order: 2 }),
    ]);
    // The copied-link attack: the customer's link used before the group signed is refused.
    const early = await sign(tokenOf('Customer'));
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe(signingErrors.NOT_YOUR_TURN.api);
    expect((await signerRows(id)).every((s) => s.status === 'sent')).toBe(true);

    expect((await sign(tokenOf('Manager A'))).statusCode).toBe(201);
    const rows = await signerRows(id);
    const b = rows.find((s) => s.signer_name === 'Manager B')!;
    expect(b).toMatchObject({ status: 'cancelled', token_hash: null });
    expect(await actions(id)).toContain('signing.request.group_closed');
    const dead = await sign(tokenOf('Manager B'));
    expect(dead.statusCode).toBe(401);
    expect(dead.json().code).toBe(signingErrors.LINK_INVALID.api);

    const request = (await inject('GET', `/requests/${id}`, sender)).json().data;
    expect(request.completion_percentage).toBe(50);
    expect(
      request.signers.find((s: { signer_name: string }) => s.signer_name === 'Customer').is_current_turn,
    ).toBe(true);
    const last = await sign(tokenOf('Customer'));
    expect(last.statusCode).toBe(201);
    expect(last.json().data.request.status).toBe('completed');
  });

  it('refuses a group whose members have different signing orders, or a non-signing member (40090)', async () => {
    const before = (await t.database.db.selectFrom('digital_signature_requests').select('id').execute())
      .length;
    for (const signers of [
      [
        person('A', { signing_order: 1, signing_group: 'g' }),
        person('B', { signing_order: 2, signing_group: 'g' }),
      ],
      [
        person('A', { signing_group: 'g', signing_order: 1 }),
        person('V', { role: 'cc', signing_order: 1, signing_group: 'g' }),
      ],
    ]) {
      const response = await inject('POST', '/requests', sender, {
        entity_type: 'contract',
        entity_id: 'P-15',
        title: 'Bad group',
        signers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(fieldErrors.PARTIES_INVALID.api);
    }
    expect((await t.database.db.selectFrom('digital_signature_requests').select('id').execute()).length).toBe(
      before,
    );
  });
});

describe('assistants, authors and reviewers', () => {
  const box = { page: 1, x: 10, y: 10, width: 30, height: 5 };
  it('an assistant fills a later signer’s fields first; the signer sees them pre-filled and signs', async () => {
    const { id, tokenOf } = await createAndSend(
      [
        person('Clerk', { role: 'assistant', signing_order: 1, assists: 1 }),
        person('Director', { role: 'approver', signing_order: 2 }),
      ],
      [
        { signer_index: 1, field_type: 'text', label: 'Case number', ...box },
        { signer_index: 1, field_type: 'signature', ...box, y: 60, height: 8 },
      ],
      'any',
    );
    // Even with order "any", the assisted signer waits for the assistant.
    const early = await sign(tokenOf('Director'));
    expect(early.json().code).toBe(signingErrors.NOT_YOUR_TURN.api);

    const page = (await inject('GET', `/signing-page/${tokenOf('Clerk')}`, {})).json().data;
    expect(page.signer.role).toBe('assistant');
    const text = page.fields.find((f: { field_type: string }) => f.field_type === 'text');
    const signature = page.fields.find((f: { field_type: string }) => f.field_type === 'signature');
    // An assistant does not sign, nor fill a signature field.
    expect((await sign(tokenOf('Clerk'))).json().code).toBe(fieldErrors.WRONG_ACTION.api);
    const markFill = await inject(
      'POST',
      '/fill',
      {},
      { token: tokenOf('Clerk'), fields: [{ id: signature.id, value: 'x' }] },
    );
    expect(markFill.json().code).toBe(fieldErrors.FIELD_VALUE_INVALID.api);
    // A signer cannot use /fill.
    const signerFill = await inject('POST', '/fill', {}, { token: tokenOf('Director'), fields: [] });
    expect(signerFill.statusCode).toBe(409);

    const filled = await inject(
      'POST',
      '/fill',
      {},
      { token: tokenOf('Clerk'), fields: [{ id: text.id, value: 'CASE-77' }] },
    );
    expect(filled.statusCode).toBe(200);
    expect(await actions(id)).toContain('signing.request.fields_filled');
    expect((await signerRows(id)).find((s) => s.role === 'assistant')?.status).toBe('filled');
    const again = await inject('POST', '/fill', {}, { token: tokenOf('Clerk'), fields: [] });
    expect(again.statusCode).toBe(409);

    const directorPage = (await inject('GET', `/signing-page/${tokenOf('Director')}`, {})).json().data;
    expect(directorPage.signer.is_current_turn).toBe(true);
    expect(directorPage.fields.find((f: { id: string }) => f.id === text.id).value).toBe('CASE-77');
    const signed = await sign(tokenOf('Director'));
    expect(signed.statusCode).toBe(201);
    expect(signed.json().data.request.status).toBe('completed');
    const stored = await t.database.db
      .selectFrom('digital_signature_fields')
      .selectAll()
      .where('id', '=', text.id)
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe('CASE-77');
  });

  it('refuses an assistant after (or without) the signer it assists (40090)', async () => {
    for (const signers of [
      [
        person('Director', { signing_order: 1 }),
        person('Clerk', { role: 'assistant', signing_order: 2, assists: 0 }),
      ],
      [person('Clerk', { role: 'assistant', signing_order: 1 }), person('Director', { signing_order: 2 })],
      [person('Director', { signing_order: 1, assists: 0 })],
    ]) {
      const response = await inject('POST', '/requests', sender, {
        entity_type: 'contract',
        entity_id: 'P-15',
        title: 'Bad assistant',
        signers,
      });
      expect(response.json().code).toBe(fieldErrors.PARTIES_INVALID.api);
    }
  });

  it('seed 000’s author and reviewer sign in order (author first)', async () => {
    const { tokenOf } = await createAndSend([
      person('Writer', { role: 'author', signing_order: 1 }),
      person('Checker', { role: 'reviewer', signing_order: 2 }),
    ]);
    expect((await sign(tokenOf('Checker'))).json().code).toBe(signingErrors.NOT_YOUR_TURN.api);
    expect((await sign(tokenOf('Writer'))).statusCode).toBe(201);
    const last = await sign(tokenOf('Checker'));
    expect(last.json().data.request.status).toBe('completed');
  });
});

describe('required_signatures_count counts an any-of-N group once', () => {
  let templateId: string;
  beforeAll(async () => {
    const template = await inject('POST', '/templates', sender, {
      template_name: 'Two signatures',
      template_code: 'TWO_PLACES',
      entity_type: 'contract',
      required_signatures_count: 2,
      signature_order: 'sequential',
    });
    expect(template.statusCode).toBe(201);
    templateId = template.json().data.id;
  });
  const create = async (signers: object[]) => {
    const created = await inject('POST', '/requests', sender, {
      entity_type: 'contract',
      entity_id: 'P-REQ',
      title: 'Required count',
      template_id: templateId,
      signers,
    });
    expect(created.statusCode).toBe(201);
    return created.json().data.id as string;
  };

  it('refuses to send a group of three alone (one place) against a count of two, changing nothing', async () => {
    const id = await create([
      person('Member A', { signing_order: 1, signing_group: 'board' }),
      person('Member B', { signing_order: 1, signing_group: 'board' }),
      person('Member C', { signing_order: 1, signing_group: 'board' }),
    ]);
    const sent = await inject('POST', `/requests/${id}/send`, sender);
    expect([sent.statusCode, sent.json().code]).toEqual([400, signingErrors.NO_SIGNERS.api]);
    expect(sent.json().message).toContain('at least 2');
    expect((await signerRows(id)).map((s) => [s.status, s.token_hash])).toEqual([
      ['pending', null],
      ['pending', null],
      ['pending', null],
    ]);
    const request = (await inject('GET', `/requests/${id}`, sender)).json().data;
    expect(request.status).toBe('pending');
  });

  it('sends a group plus one signer (two places) and counts completion per place', async () => {
    const id = await create([
      person('Member D', { signing_order: 1, signing_group: 'desk' }),
      person('Member E', { signing_order: 1, signing_group: 'desk' }),
      person('Client', { signing_order: 2 }),
    ]);
    const sent = await inject('POST', `/requests/${id}/send`, sender);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().data.request.completion_percentage).toBe(0);
    const token = (sent.json().data.links as { signer_name: string; token: string }[]).find(
      (l) => l.signer_name === 'Member D',
    )!.token;
    expect((await sign(token)).statusCode).toBe(201);
    const after = (await inject('GET', `/requests/${id}`, sender)).json().data;
    expect([after.status, after.completion_percentage]).toEqual(['partially_signed', 50]);
  });
});
