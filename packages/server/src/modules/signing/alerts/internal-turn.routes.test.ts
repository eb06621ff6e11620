import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createAdmin,
  createIdentityTestApp,
  createUserWith,
  type IdentityTestApp,
  tokenFor,
} from '../../../../test/identity-fixtures.js';
import { api } from '../../../../test/signing-instances-kit.js';
import { pngDataUrl } from '../../../../test/signing-kit.js';

/**
 * "Your turn" for internal signers (accounts): an in-app notice in their inbox, once, in their
 * own notification language (their preference; else the template's default, English).
 */
let t: IdentityTestApp;
let sender: Record<string, string>;
let colleague: Record<string, string>;
let colleagueId: string;
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

interface InboxItem {
  title: string;
  body: string;
  link: string | null;
  kind: string;
}
async function inbox(): Promise<InboxItem[]> {
  await t.app.signx.jobs.drain();
  const res = await call('GET', '/api/v1/notifications/inbox?page_size=100', colleague);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data.items as InboxItem[]).filter((i) => i.link?.startsWith('/signing/requests/'));
}

async function createAndSend(title: string, language: string, internalOrder: number) {
  const created = await call('POST', `${api}/requests`, sender, {
    entity_type: 'contract',
    entity_id: `IT-${language}`,
    title,
    language,
    signature_order: 'sequential',
    signers: [
      { signer_name: 'Client', signer_email: 'client@example.com', signing_order: 1 },
      {
        signer_name: 'Colleague',
        user_id: colleagueId,
        signer_type: 'company',
        signing_order: internalOrder,
      },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().data.id as string;
  const sent = await call('POST', `${api}/requests/${id}/send`, sender);
  expect(sent.statusCode, sent.body).toBe(200);
  const links = sent.json().data.links as { signer_name: string; token: string }[];
  return { id, clientToken: links.find((l) => l.signer_name === 'Client')!.token };
}

beforeAll(async () => {
  t = await createIdentityTestApp();
  await createAdmin(t.app, 'boss');
  sender = bearer(await tokenFor(t.app, 'boss'));
  const user = await createUserWith(t.app, { username: 'colleague' });
  colleagueId = user.id;
  colleague = bearer(await tokenFor(t.app, 'colleague'));
});
afterAll(() => t.close());

describe('in-app "your turn" for internal signers', () => {
  it('tells the internal signer in-app once the earlier signer signed, not before, and only once', async () => {
    const { id, clientToken } = await createAndSend('Supply deal', 'en', 2);
    expect(await inbox()).toEqual([]);
    const signed = await call(
      'POST',
      `${api}/sign`,
      {},
      {
        token: clientToken,
        signature_type: 'drawn',
        signature_data: pngDataUrl(),
        consent_given: true,
      },
    );
    expect(signed.statusCode, signed.body).toBe(201);
    const items = await inbox();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Your turn to sign: Supply deal',
      link: `/signing/requests/${id}`,
      kind: 'task',
    });
    expect(items[0]?.body).toContain('Supply deal');
    // one notice, recorded once (the your_turn claim)
    const audit = await t.app.signx.db
      .selectFrom('audit_events')
      .select('details')
      .where('entity_id', '=', id)
      .where('action', '=', 'signing.request.turn_notified')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toContain('in_app');
  });

  it('tells an internal signer whose turn it is at send time (no link reaches them), in their language', async () => {
    const chosen = await call('PUT', '/api/v1/notifications/preferences', colleague, { locale: 'zh-CN' });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const { id } = await createAndSend('供货合同', 'zh-CN', 1);
    const items = (await inbox()).filter((i) => i.link === `/signing/requests/${id}`);
    expect(items.map((i) => i.title)).toEqual(['轮到您签署：供货合同']);
  });
});
