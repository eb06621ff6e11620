import { describe, expect, it } from 'vitest';
import { sampleValue, withSamples } from '../src/modules/document-templates/sample-data';
import type { TemplateVariable } from '../src/modules/document-templates/templates.api';

const v = (name: string, type: TemplateVariable['type'], extra: Partial<TemplateVariable> = {}) =>
  ({ name, label: name, type, required: false, ...extra }) as TemplateVariable;

describe('template sample data', () => {
  it('writes text in the reader’s language, chosen by the variable’s name', () => {
    expect(sampleValue(v('signer_name', 'text'), 'zh-CN', '2026-12-06')).toBe('张伟');
    expect(sampleValue(v('company', 'text'), 'he', '2026-12-06')).toBe('כהן הנדסה בע״מ');
    expect(sampleValue(v('address', 'text'), 'en', '2026-12-06')).toBe('100 Main Street, Springfield');
    expect(sampleValue(v('contract_no', 'text'), 'he', '2026-12-06')).toBe('HT-2026-0001');
    expect(sampleValue(v('remark', 'text'), 'zh-CN', '2026-12-06')).toBe('示例文本');
  });

  it('gives every type a value the server accepts', () => {
    expect(sampleValue(v('amount', 'number'), 'en', '2026-12-06')).toBe('1200');
    expect(sampleValue(v('signed_on', 'date'), 'en', '2026-12-06')).toBe('2026-12-06');
    expect(sampleValue(v('vip', 'boolean'), 'en', '2026-12-06')).toBe(true);
    expect(String(sampleValue(v('logo', 'image'), 'en', '2026-12-06'))).toMatch(/^data:image\/png;base64,/);
    const items = v('items', 'list', { fields: [v('name', 'text'), v('qty', 'number')] });
    expect(sampleValue(items, 'zh-CN', '2026-12-06')).toEqual([
      { name: '张伟', qty: '1200' },
      { name: '张伟', qty: '1300' },
    ]);
  });

  it('keeps samples people set unless asked to regenerate', () => {
    const schema = [v('party', 'text', { sample: 'ACME' }), v('amount', 'number')];
    expect(withSamples(schema, 'he', '2026-12-06').map((x) => x.sample)).toEqual(['ACME', '1200']);
    expect(withSamples(schema, 'he', '2026-12-06', false)[0]?.sample).toBe('כהן הנדסה בע״מ');
  });
});
