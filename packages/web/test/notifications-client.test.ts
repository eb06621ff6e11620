import { describe, expect, it } from 'vitest';
import { parseBlock } from '../src/modules/notifications/event-stream';
import { bodyOf, emptyForm, formOf } from '../src/modules/notifications/template-form';

describe('the inbox stream parser', () => {
  it('reads id, event and multi-line data, and skips comments', () => {
    expect(parseBlock(': keep-alive\nid: 42\nevent: message\ndata: {"a":\ndata: 1}')).toEqual({
      id: '42',
      event: 'message',
      data: '{"a":\n1}',
    });
  });
  it('defaults the event to message and ignores blocks without data', () => {
    expect(parseBlock('data:x')).toEqual({ event: 'message', data: 'x' });
    expect(parseBlock(': ping')).toBeNull();
    expect(parseBlock('event: unread')).toBeNull();
  });
});

describe('the template editor form', () => {
  it('sends empty optional fields as null and samples as typed values', () => {
    const form = emptyForm();
    form.code = 'contract.signed';
    form.variables = [
      { name: 'count', description: '', required: true, sample: '3' },
      { name: 'who', description: ' Signer ', required: false, sample: 'Noa' },
      { name: 'none', description: '', required: false, sample: '' },
    ];
    form.variants = [{ channel: 'email', locale: 'en', subject: '', body: 'Hi', text: '' }];
    const body = bodyOf(form);
    expect(body).not.toHaveProperty('code');
    expect(body.description).toBeNull();
    expect(body.frequency_limit).toBeNull();
    expect(body.variables).toEqual([
      { name: 'count', required: true, sample: 3 },
      { name: 'who', description: 'Signer', required: false, sample: 'Noa' },
      { name: 'none', required: false },
    ]);
    expect(body.variants).toEqual([{ channel: 'email', locale: 'en', body: 'Hi' }]);
  });
  it('round-trips a saved version through the form', () => {
    const version = {
      version: 2,
      note: null,
      based_on: null,
      created_by: null,
      created_at: '2026-12-06T00:00:00.000Z',
      variables: [{ name: 'items', required: true, sample: ['a', 'b'] }],
      variants: [{ channel: 'in_app' as const, locale: 'he' as const, subject: 'S', body: 'B' }],
      used_variables: ['items'],
    };
    const template = {
      id: 't1',
      code: 'task.assigned',
      name: 'Task',
      description: null,
      category: 'task',
      inbox_kind: 'task',
      is_transactional: false,
      is_sensitive: false,
      default_locale: 'he',
      frequency_limit: 5,
      frequency_window_seconds: null,
      status: 'active',
      current_version: 2,
      created_at: version.created_at,
      updated_at: version.created_at,
    };
    const form = formOf({ template, version });
    expect(form.variables[0]?.sample).toBe('["a","b"]');
    const body = bodyOf(form);
    expect(body.variables[0]?.sample).toEqual(['a', 'b']);
    expect(body.frequency_limit).toBe(5);
    expect(body.frequency_window_seconds).toBeNull();
    expect(body.variants).toEqual(version.variants);
  });
});
