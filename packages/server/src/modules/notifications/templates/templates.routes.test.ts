import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTemplate } from '../../../../test/notification-kit.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { asUser, headerAuthModule } from '../../../../test/test-principal.js';
import { modules } from '../../index.js';
import { can } from '../notifications.catalogue.js';
import { notificationsErrors } from '../notifications.errors.js';

const editor = asUser('019a0000-0000-7000-8000-0000000000e1', [
  can['notifications.template.read'],
  can['notifications.template.manage'],
]);
const reader = asUser('019a0000-0000-7000-8000-0000000000e2', [can['notifications.template.read']]);
let t: TestApp;
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1/notifications${url}`, headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ build: { modules: [...modules, headerAuthModule] } });
});
afterAll(() => t.close());

describe('template routes', () => {
  it('creates, edits as new versions, diffs and rolls back, each audited', async () => {
    const created = await call('POST', '/templates', editor, sampleTemplate({ code: 'approval.needed' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().data.version).toMatchObject({
      version: 1,
      used_variables: ['items', 'taskName', 'userName'],
    });
    const draft = sampleTemplate({ code: 'approval.needed' });
    const { code: _code, ...body } = draft;
    const edited = body.variants.map((v) =>
      v.channel === 'sms' ? { ...v, body: '【SignX】请处理：${taskName}' } : v,
    );
    const saved = await call('PUT', '/templates/approval.needed', editor, {
      ...body,
      variants: edited,
      base_version: 1,
    });
    expect(saved.json().data.template.current_version).toBe(2);
    const stale = await call('PUT', '/templates/approval.needed', editor, { ...body, base_version: 1 });
    expect(stale.statusCode).toBe(409);
    const diff = (await call('GET', '/templates/approval.needed/diff?from=1&to=2', reader)).json().data;
    expect(diff).toEqual([
      {
        path: 'sms/zh-CN.body',
        change: 'changed',
        lines: [
          { op: '+', text: '【SignX】请处理：${taskName}' },
          { op: '-', text: '【SignX】${userName}，新任务：${taskName}' },
        ],
      },
    ]);
    const rolled = await call('POST', '/templates/approval.needed/rollback', editor, { version: 1 });
    expect(rolled.json().data.version).toMatchObject({ version: 3, based_on: 1 });
    expect(rolled.json().data.version.variants).toEqual(draft.variants);
    const versions = (await call('GET', '/templates/approval.needed/versions', reader)).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'notifications.template.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'notifications.template.created',
      'notifications.template.saved',
      'notifications.template.rolled_back',
    ]);
  });

  it('previews per channel and locale with samples, and says when a channel would cut the body', async () => {
    const preview = await call('POST', '/templates/approval.needed/preview', reader, {
      channel: 'email',
      locale: 'en',
      params: { items: ['x'] },
    });
    expect(preview.json().data).toMatchObject({
      subject: 'Task: Review contract',
      body: '<p>Hello Sample User,</p><p>Review contract · x</p>',
      text: 'Hello Sample User,\nReview contract · x',
      truncated: false,
    });
    const long = await call('POST', '/templates/preview', reader, {
      variables: [{ name: 'n', sample: 3000 }],
      variants: [{ channel: 'wecom', locale: 'zh-CN', body: '{% for i in (1..n) %}字{% endfor %}' }],
      channel: 'wecom',
      locale: 'zh-CN',
    });
    expect(long.json().data).toMatchObject({ bytes: 9000, limit_bytes: 2048, truncated: true });
  });

  it('refuses bad templates on save with every problem listed, storing nothing', async () => {
    const cases: [object, RegExp][] = [
      [
        { variants: [{ channel: 'email', locale: 'en', subject: 'x', body: '{{ secret }}' }] },
        /secret, which is not a declared variable/,
      ],
      [
        { variants: [{ channel: 'email', locale: 'en', body: '{% include "/etc/passwd" %}' }] },
        /include %\} tag is not allowed/,
      ],
      [{ variants: [{ channel: 'email', locale: 'en', body: '{% if %}' }] }, /variants\[0\]\.body/],
      [{ variants: [{ channel: 'email', locale: 'en', body: '{{ x | evil }}' }] }, /undefined filter: evil/],
    ];
    for (const [override, message] of cases) {
      const response = await call(
        'POST',
        '/templates',
        editor,
        sampleTemplate({ code: 'bad.one', ...override }),
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe(notificationsErrors.TEMPLATE_INVALID.api);
      expect(JSON.stringify(response.json().errors)).toMatch(message);
    }
    expect((await call('GET', '/templates/bad.one', reader)).statusCode).toBe(404);
  });

  it('bounds runaway loops and never exposes prototypes through a template', async () => {
    const runaway = await call('POST', '/templates/preview', reader, {
      variables: [],
      variants: [
        {
          channel: 'email',
          locale: 'en',
          body: '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}',
        },
      ],
      channel: 'email',
      locale: 'en',
    });
    expect(runaway.json().code).toBe(notificationsErrors.RENDER_LIMIT.api);
    for (const body of [
      '{{ taskName.constructor.name }}',
      '{{ taskName.__proto__ }}',
      '{{ items.constructor }}',
    ]) {
      const probe = await call('POST', '/templates/preview', reader, {
        variables: [
          { name: 'taskName', sample: 'x' },
          { name: 'items', sample: [] },
        ],
        variants: [{ channel: 'email', locale: 'en', body }],
        channel: 'email',
        locale: 'en',
      });
      expect(probe.json().code).toBe(notificationsErrors.VARIABLE_MISSING.api);
      expect(probe.body).not.toContain('String');
    }
  });

  it('needs the manage permission to change templates, and documents the module in OpenAPI', async () => {
    expect((await call('POST', '/templates', reader, sampleTemplate({ code: 'nope' }))).statusCode).toBe(403);
    expect((await call('GET', '/templates', {})).statusCode).toBe(401);
    const doc = (await t.app.inject({ url: '/api/schema' })).json();
    expect((await new Validator().validate(doc)).valid).toBe(true);
    expect(doc.paths['/api/v1/notifications/send'].post.tags).toEqual(['notifications']);
    expect(doc['x-signx-permissions'].map((p: { code: string }) => p.code)).toContain(
      'notifications.message.send',
    );
  });
});
