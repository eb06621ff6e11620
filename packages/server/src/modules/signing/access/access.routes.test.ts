import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngDataUrl } from '../../../../test/signing-kit.js';
import { type SmtpSink, startSmtpSink } from '../../../../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { manualClock } from '../../../platform/db/clock.js';
import { modules } from '../../index.js';
import { can } from '../signing.catalogue.js';
import { signingErrors } from '../signing.errors.js';

const sender = asUser('019a0000-0000-7000-8000-0000000000f1', Object.values(can));
const clock = manualClock('2026-12-08T08:00:00.000Z');
const api = '/api/v1/digital-signature';
let t: TestApp;
let sink: SmtpSink;

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) => t.app.inject({ method, url: `${api}${url}`, headers, ...(payload ? { payload } : {}) });
const codeOf = (res: { json(): { code: number } }) => res.json().code;

/** The code of the next unread code mail to `address` (delivered through the real SMTP sink). */
const read = new Set<unknown>();
async function mailedCode(address: string): Promise<string> {
  await t.app.signx.jobs.drain();
  const mail = sink.messages.find(
    (m) => !read.has(m) && m.envelope.to.includes(address) && m.subject === 'Your signing code',
  );
  const code = /\b(\d{6})\b/.exec(mail?.text ?? '')?.[1];
  if (!code) throw new Error(`no code mailed to ${address}`);
  read.add(mail);
  return code;
}

/** A sent request with two parallel signers and the given factor; answers its links by name. */
async function requestWith(factor: object, title = 'Lease 2027') {
  const created = await call(
    'POST',
    '/requests',
    {
      entity_type: 'contract',
      entity_id: 9001,
      title,
      signers: [
        { signer_name: 'Noa Tenant', signer_email: 'noa@example.com', signing_order: 1 },
        { signer_name: 'Eli Tenant', signer_email: 'eli@example.com', signing_order: 1 },
      ],
    },
    sender,
  );
  const id = created.json().data.id as string;
  const set = await call('PUT', `/requests/${id}/second-factor`, factor, sender);
  expect(set.statusCode).toBe(200);
  const links = (await call('POST', `/requests/${id}/send`, undefined, sender)).json().data.links as {
    signer_name: string;
    token: string;
  }[];
  const tokenOf = (name: string) => links.find((l) => l.signer_name === name)?.token as string;
  return { id, noa: tokenOf('Noa Tenant'), eli: tokenOf('Eli Tenant') };
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({
    env: { MAIL_SERVER: sink.host, MAIL_PORT: String(sink.port), MAIL_USE_TLS: 'false' },
    build: { modules: [...modules, headerAuthModule], clock },
  });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('second factor per request', () => {
  it('shows nothing of the document before the e-mailed code passes, then signs with the proof', async () => {
    const r = await requestWith({ factor: 'email_code' }, 'Secret lease terms');
    const page = await call('GET', `/signing-page/${r.noa}`);
    expect([page.statusCode, codeOf(page)]).toEqual([401, signingErrors.ACCESS_CODE_REQUIRED.api]);
    expect(page.body).not.toContain('Secret lease terms');
    const docs = (await call('GET', `/requests/${r.id}`, undefined, sender)).json().data.documents;
    const pdf = await call('GET', `/signing-page/${r.noa}/documents/${docs[0].document_id}`);
    expect(pdf.statusCode).toBe(401);
    const early = await call('POST', '/sign', {
      token: r.noa,
      signature_type: 'drawn',
      signature_data: pngDataUrl(),
      consent_given: true,
    });
    expect(codeOf(early)).toBe(signingErrors.ACCESS_CODE_REQUIRED.api);

    const status = (await call('GET', `/signing-page/${r.noa}/factor`)).json().data;
    expect(status).toMatchObject({
      required: true,
      factor: 'email_code',
      passed: false,
      destination: 'n***@example.com',
    });
    const sent = await call('POST', `/signing-page/${r.noa}/factor/send`);
    expect(sent.json().data).toMatchObject({ channel: 'email', destination: 'n***@example.com' });
    const again = await call('POST', `/signing-page/${r.noa}/factor/send`);
    expect([again.statusCode, codeOf(again)]).toEqual([429, signingErrors.ACCESS_CODE_RESEND_TOO_SOON.api]);
    const code = await mailedCode('noa@example.com');

    const wrong = await call('POST', `/signing-page/${r.noa}/factor/verify`, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect([wrong.statusCode, codeOf(wrong)]).toEqual([401, signingErrors.ACCESS_CODE_WRONG.api]);
    expect(wrong.body).toContain('attempts_left');
    const ok = await call('POST', `/signing-page/${r.noa}/factor/verify`, { code });
    expect(ok.statusCode).toBe(200);
    const proof = { 'x-signing-factor': ok.json().data.factor_proof as string };
    const reused = await call('POST', `/signing-page/${r.noa}/factor/verify`, { code });
    expect(codeOf(reused)).toBe(signingErrors.ACCESS_CODE_WRONG.api); // single use

    const shown = await call('GET', `/signing-page/${r.noa}`, undefined, proof);
    expect(shown.json().data.request.title).toBe('Secret lease terms');
    const signed = await call(
      'POST',
      '/sign',
      { token: r.noa, signature_type: 'drawn', signature_data: pngDataUrl(), consent_given: true },
      proof,
    );
    expect(signed.statusCode).toBe(201);
    const actions = (
      await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', r.id).execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['signing.request.factor_sent', 'signing.request.factor_passed']),
    );
    const stored = await t.database.db.selectFrom('digital_signature_signer_access').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(code); // only hashes are kept
  });

  it('brute force: the fifth wrong code locks the link, the right code is then refused too', async () => {
    const r = await requestWith({ factor: 'email_code' });
    await call('POST', `/signing-page/${r.noa}/factor/send`);
    const code = await mailedCode('noa@example.com');
    const wrongCode = code === '999999' ? '999998' : '999999';
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(codeOf(await call('POST', `/signing-page/${r.noa}/factor/verify`, { code: wrongCode })));
    expect(answers).toEqual([
      ...Array(4).fill(signingErrors.ACCESS_CODE_WRONG.api),
      signingErrors.ACCESS_CODE_LOCKED.api,
    ]);
    const right = await call('POST', `/signing-page/${r.noa}/factor/verify`, { code });
    expect([right.statusCode, codeOf(right)]).toEqual([429, signingErrors.ACCESS_CODE_LOCKED.api]);
    const resend = await call('POST', `/signing-page/${r.noa}/factor/send`);
    expect(codeOf(resend)).toBe(signingErrors.ACCESS_CODE_LOCKED.api);
    clock.advance(16 * 60_000);
    const killed = await call('POST', `/signing-page/${r.noa}/factor/verify`, { code });
    expect(codeOf(killed)).toBe(signingErrors.ACCESS_CODE_WRONG.api); // the lock killed the old code
    await call('POST', `/signing-page/${r.noa}/factor/send`);
    const fresh = await mailedCode('noa@example.com');
    expect((await call('POST', `/signing-page/${r.noa}/factor/verify`, { code: fresh })).statusCode).toBe(
      200,
    );
  });

  it('one signer’s code or proof does not open another signer’s link', async () => {
    const r = await requestWith({ factor: 'email_code' });
    await call('POST', `/signing-page/${r.noa}/factor/send`);
    const noaCode = await mailedCode('noa@example.com');
    await call('POST', `/signing-page/${r.eli}/factor/send`);
    const onEli = await call('POST', `/signing-page/${r.eli}/factor/verify`, { code: noaCode });
    const eliCode = await mailedCode('eli@example.com');
    if (eliCode !== noaCode) expect(codeOf(onEli)).toBe(signingErrors.ACCESS_CODE_WRONG.api);
    const noaProof = (await call('POST', `/signing-page/${r.noa}/factor/verify`, { code: noaCode })).json()
      .data.factor_proof as string;
    const crossed = await call('GET', `/signing-page/${r.eli}`, undefined, { 'x-signing-factor': noaProof });
    expect(codeOf(crossed)).toBe(signingErrors.ACCESS_CODE_REQUIRED.api);
  });

  it('an access code set by the sender is kept hashed and opens the page', async () => {
    const r = await requestWith({ factor: 'access_code', access_code: 'Tamar-2027' });
    const row = await t.database.db
      .selectFrom('digital_signature_request_access')
      .selectAll()
      .where('request_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.access_code_hash).toMatch(/^scrypt\$/);
    expect(row.access_code_hash).not.toContain('Tamar-2027');
    const status = (await call('GET', `/signing-page/${r.eli}/factor`)).json().data;
    expect(status).toMatchObject({ factor: 'access_code', destination: null });
    expect(codeOf(await call('POST', `/signing-page/${r.eli}/factor/send`))).toBe(40001);
    expect(codeOf(await call('POST', `/signing-page/${r.eli}/factor/verify`, { code: 'tamar-2027' }))).toBe(
      signingErrors.ACCESS_CODE_WRONG.api,
    );
    const ok = await call('POST', `/signing-page/${r.eli}/factor/verify`, { code: 'Tamar-2027' });
    const page = await call('GET', `/signing-page/${r.eli}`, undefined, {
      'x-signing-factor': ok.json().data.factor_proof,
    });
    expect(page.statusCode).toBe(200);
  });

  it('bad settings change nothing: SMS without phones, a short access code', async () => {
    const created = await call(
      'POST',
      '/requests',
      {
        entity_type: 'contract',
        entity_id: 9002,
        title: 'No phones',
        signers: [{ signer_name: 'Ann', signer_email: 'ann@example.com' }],
      },
      sender,
    );
    const id = created.json().data.id;
    const sms = await call('PUT', `/requests/${id}/second-factor`, { factor: 'sms_code' }, sender);
    expect([sms.statusCode, codeOf(sms)]).toEqual([400, 40001]);
    const short = await call(
      'PUT',
      `/requests/${id}/second-factor`,
      { factor: 'access_code', access_code: '12' },
      sender,
    );
    expect(short.statusCode).toBe(400);
    const none = await t.database.db
      .selectFrom('digital_signature_request_access')
      .select('factor')
      .where('request_id', '=', id)
      .execute();
    expect(none).toEqual([]);
  });
});
