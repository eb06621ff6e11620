import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, deliveries, sampleTemplate } from '../../../../test/notification-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../notifications.catalogue.js';

let t: TestApp;
let ann: string;
let base: string;
const sender = asUser('019a0000-0000-7000-8000-0000000000f1', [
  can['notifications.message.send'],
  can['notifications.template.manage'],
  can['notifications.log.read'],
  can['notifications.log.resend'],
]);
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object | string,
  type?: string,
) =>
  t.app.inject({
    method,
    url: `/api/v1/notifications${url}`,
    headers: { ...headers, ...(type ? { 'content-type': type } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  ann = await addUser(t.database.db, { username: 'ann' });
  await call('POST', '/templates', sender, sampleTemplate());
});
afterAll(() => t.close());

type StreamEvent = { event: string; data: unknown };

/** Reads SSE events from a live stream until `count` `message` events arrived. */
async function readEvents(response: Response, count: number): Promise<StreamEvent[]> {
  const reader = eventReader(response);
  const events = await reader.until((seen) => seen.filter((e) => e.event === 'message').length >= count);
  await reader.cancel();
  return events;
}

/** A live stream read step by step: each `until` returns the events up to its condition. */
function eventReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let buffer = '';
  return {
    async until(done: (events: StreamEvent[]) => boolean): Promise<StreamEvent[]> {
      const events: StreamEvent[] = [];
      while (!done(events)) {
        let end = buffer.indexOf('\n\n');
        if (end < 0) {
          const chunk = await reader.read();
          if (chunk.done) break;
          buffer += new TextDecoder().decode(chunk.value);
          continue;
        }
        while (end >= 0 && !done(events)) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          end = buffer.indexOf('\n\n');
        }
      }
      return events;
    },
    cancel: () => reader.cancel(),
  };
}

describe('inbox, live stream and one-click unsubscribe', () => {
  it('sends through the API (202, per-recipient results, audited) and streams the in-app message live', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/v1/notifications/inbox/stream`, {
      headers: asUser(ann, []),
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(stream, 1);
    const sent = await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['in_app'],
      recipients: [
        { type: 'user', id: ann },
        { type: 'email', address: 'x@example.test' },
      ],
      params: { taskName: 'Check *the* [link](javascript:alert(1))' },
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().data).toMatchObject({ queued: 1, failed: 1 });
    await t.app.signx.jobs.drain();
    const received = await events;
    controller.abort();
    expect(received[0]).toMatchObject({ event: 'unread', data: { total: 0 } });
    const message = received.find((e) => e.event === 'message')?.data as {
      title: string;
      body: string;
      kind: string;
    };
    expect(message).toMatchObject({ title: '新任务', kind: 'task' });
    expect(message.body).toBe('**Check \\*the\\* \\[link\\]\\(javascript:alert\\(1\\)\\)** 已分配给 Ann');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'notifications.message.sent')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('counts unread messages by kind, marks them read, and shows nobody else’s', async () => {
    const mine = asUser(ann, []);
    expect((await call('GET', '/inbox/unread', mine)).json().data).toEqual({
      total: 1,
      by_kind: { system: 0, approval: 0, task: 1, alert: 0 },
    });
    const page = (await call('GET', '/inbox?unread=true', mine)).json().data;
    expect(page.total).toBe(1);
    expect(
      (await call('GET', '/inbox', asUser('019a0000-0000-7000-8000-0000000000b0', []))).json().data.total,
    ).toBe(0);
    expect(
      (
        await call('POST', '/inbox/read', asUser('019a0000-0000-7000-8000-0000000000b0', []), { all: true })
      ).json().data.marked,
    ).toBe(0);
    expect((await call('POST', '/inbox/read', mine, { ids: [page.items[0].id] })).json().data.marked).toBe(1);
    expect((await call('GET', '/inbox/unread', mine)).json().data.total).toBe(0);
  });

  it('replays what a reconnecting stream missed after its Last-Event-ID', async () => {
    const first = (await call('GET', '/inbox', asUser(ann, []))).json().data.items[0];
    await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['in_app'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'While away' },
    });
    await t.app.signx.jobs.drain();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/v1/notifications/inbox/stream`, {
      headers: { ...asUser(ann, []), 'last-event-id': first.id },
      signal: controller.signal,
    });
    const events = await readEvents(stream, 1);
    controller.abort();
    expect(
      (events.find((e) => e.event === 'message')?.data as { body?: string } | undefined)?.body,
    ).toContain('While away');
  });

  it('recounts unread on the stream after each message and after read marks made in another tab', async () => {
    const mine = asUser(ann, []);
    const before = (await call('GET', '/inbox/unread', mine)).json().data.total as number;
    const controller = new AbortController();
    const stream = eventReader(
      await fetch(`${base}/api/v1/notifications/inbox/stream`, { headers: mine, signal: controller.signal }),
    );
    const unreadOf = (e: StreamEvent) => (e.event === 'unread' ? (e.data as { total: number }).total : null);
    expect((await stream.until((seen) => seen.some((e) => e.event === 'unread'))).map(unreadOf)).toEqual([
      before,
    ]);
    await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['in_app'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Counted once' },
    });
    await t.app.signx.jobs.drain();
    const afterMessage = await stream.until((seen) => seen.some((e) => e.event === 'unread'));
    expect(afterMessage.map((e) => e.event)).toEqual(['message', 'unread']);
    expect(unreadOf(afterMessage[1] as StreamEvent)).toBe(before + 1);
    expect((await call('POST', '/inbox/read', mine, { all: true })).json().data.marked).toBe(before + 1);
    const afterRead = await stream.until((seen) => seen.some((e) => e.event === 'unread'));
    expect(afterRead.map(unreadOf)).toEqual([0]);
    await stream.cancel();
    controller.abort();
  });

  it('unsubscribes with one click (form POST), not on a GET, and refuses a forged link', async () => {
    await t.app.signx.db.updateTable('notification_profiles').set({ locale: 'en' }).execute();
    await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'Mail' },
    });
    await t.app.signx.jobs.drain();
    const eml = (await deliveries(t.database.db)).find((d) => d.channel === 'email');
    expect(eml?.status).toBe('sent');
    const { notificationsDeps } = await import('../notifications.deps.js');
    const { unsubscribeToken } = await import('../preferences/unsubscribe-token.js');
    const token = unsubscribeToken(notificationsDeps(t.app.signx).keys.unsubscribe, ann, 'task');
    expect((await call('GET', `/unsubscribe/${token}`, {})).json().data).toEqual({
      category: 'task',
      channel: 'email',
      unsubscribed: false,
    });
    expect(await t.database.db.selectFrom('notification_preferences').selectAll().execute()).toEqual([]);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(
      (
        await call(
          'POST',
          `/unsubscribe/${forged}`,
          {},
          'List-Unsubscribe=One-Click',
          'application/x-www-form-urlencoded',
        )
      ).statusCode,
    ).toBe(404);
    const done = await call(
      'POST',
      `/unsubscribe/${token}`,
      {},
      'List-Unsubscribe=One-Click',
      'application/x-www-form-urlencoded',
    );
    expect(done.json().data).toEqual({ category: 'task', channel: 'email', unsubscribed: true });
    const prefs = await t.database.db.selectFrom('notification_preferences').selectAll().execute();
    expect(prefs).toMatchObject([{ user_id: ann, category: 'task', channel: 'email', enabled: 0 }]);
    await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'user', id: ann }],
      params: { taskName: 'After' },
    });
    await t.app.signx.jobs.drain();
    const after = (await deliveries(t.database.db)).filter((d) => d.channel === 'email').at(-1);
    expect(after).toMatchObject({ status: 'suppressed' });
  });

  it('lists the send log with filters, resends a failure, and reports statistics', async () => {
    const bad = await call('POST', '/send', sender, {
      template: 'task.assigned',
      channels: ['email'],
      recipients: [{ type: 'email', address: 'a@b.c' }],
    });
    const id = bad.json().data.deliveries[0].id;
    const failed = (await call('GET', '/deliveries?status=failed&channel=email', sender)).json().data;
    expect(failed.items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await call('POST', `/deliveries/${id}/resend`, sender)).json().code).toBe(40942); // no content: it never rendered
    const stats = (
      await call('GET', '/stats?from=2000-01-01T00:00:00.000Z&to=2100-01-01T00:00:00.000Z', sender)
    ).json().data;
    const email = stats.find((s: { channel: string }) => s.channel === 'email');
    expect(email.counts).toMatchObject({ sent: 1, suppressed: 1, failed: 1 });
    expect(email.success_rate).toBe(0.5);
  });
});
