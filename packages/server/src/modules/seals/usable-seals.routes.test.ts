import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealsApp, sealsCaller } from '../../../test/seals-kit.js';
import type { TestApp } from '../../../test/test-app.js';

const adminId = '019a0000-0000-7000-8000-00000000a001';
const senderId = '019a0000-0000-7000-8000-00000000e005';
const otherId = '019a0000-0000-7000-8000-00000000f006';
let t: TestApp;
const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const day = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();

async function sealWith(name: string, grants: object[]): Promise<string> {
  const res = await api('POST', '/seals', sealsCaller(adminId), {
    organisation: '可用印章公司',
    seal_type: 'contract',
    name,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().data.id as string;
  for (const grant of grants) {
    const granted = await api('POST', `/seals/${id}/authorisations`, sealsCaller(adminId), {
      subject_type: 'user',
      valid_from: iso(-1),
      valid_until: iso(30),
      ...grant,
    });
    expect(granted.statusCode, granted.body).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  t = await createSealsApp();
});
afterAll(() => t?.close());

describe('the seals a sender may use', () => {
  it('lists only active seals authorised to the caller now, for the category when given', async () => {
    const any = await sealWith('合同专用章', [{ subject_id: senderId, requires_approval: false }]);
    const invoices = await sealWith('财务专用章', [{ subject_id: senderId, categories: ['invoice'] }]);
    await sealWith('公章', [{ subject_id: otherId }]);
    await sealWith('未生效章', [{ subject_id: senderId, valid_from: iso(2), valid_until: iso(9) }]);
    const suspended = await sealWith('停用章', [{ subject_id: senderId }]);
    await api('POST', `/seals/${suspended}/events`, sealsCaller(adminId), { event: 'suspend' });

    const all = await api('GET', '/seals/usable', sealsCaller(senderId));
    expect(all.statusCode, all.body).toBe(200);
    const items = all.json().data.items as {
      seal: { id: string };
      categories: string[];
      requires_approval: boolean;
    }[];
    expect(items.map((i) => i.seal.id).sort()).toEqual([any, invoices].sort());
    expect(items.find((i) => i.seal.id === invoices)?.categories).toEqual(['invoice']);

    const contracts = await api('GET', '/seals/usable?category=contract', sealsCaller(senderId));
    expect(contracts.json().data.items.map((i: { seal: { id: string } }) => i.seal.id)).toEqual([any]);
    const stranger = await api('GET', '/seals/usable', sealsCaller('019a0000-0000-7000-8000-0000000000aa'));
    expect(stranger.json().data.items).toEqual([]);
  });

  it('needs the permission to use seals', async () => {
    const res = await api('GET', '/seals/usable', sealsCaller(senderId, ['seals.seal.read']));
    expect(res.statusCode).toBe(403);
  });
});
