import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { docx, loopTable, paragraph } from '../../../test/office-files.js';
import { validateRows } from './row-validation.js';
import { fillTemplate, inspectTemplate, TemplateSyntaxError } from './template-engine.js';
import { checkTemplatePackage, PackageError } from './template-package.js';
import { carryOverEdits, diffVariables } from './template-variables.js';

const onePixelPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const contract = docx(
  paragraph('甲方：{party_a}') +
    paragraph('צד ב׳: {party_b}', { rtl: true }) +
    paragraph('金额：{amount}') +
    paragraph('{#vip}VIP clause applies.{/vip}') +
    loopTable('items', ['{name}', '{qty}']) +
    paragraph('{%logo}'),
);

function documentXml(bytes: Buffer): string {
  return new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
}

describe('reading a template’s variables', () => {
  it('lists placeholders, conditions, loops (with their fields) and images as a typed schema', () => {
    const variables = inspectTemplate(contract);
    expect(variables.map((v) => [v.name, v.type])).toEqual([
      ['party_a', 'text'],
      ['party_b', 'text'],
      ['amount', 'text'],
      ['vip', 'boolean'],
      ['items', 'list'],
      ['logo', 'image'],
    ]);
    expect(variables.find((v) => v.name === 'items')?.fields?.map((f) => f.name)).toEqual(['name', 'qty']);
  });

  it('refuses a template with an unclosed tag, naming the problem', () => {
    const broken = docx(paragraph('Dear {name, see {#items}{qty}'));
    let caught: unknown;
    try {
      inspectTemplate(broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateSyntaxError);
    const problems = (caught as TemplateSyntaxError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join(' ')).toMatch(/tag|close|unclosed|open/i);
  });

  it('refuses a zip bomb before any ZIP library unpacks it', () => {
    const zip = new PizZip(contract);
    // 20 MB of zeros deflates to ~20 KB: far past the expansion ratio a real DOCX part has
    zip.file('word/media/bomb.bin', Buffer.alloc(20 * 1048576));
    const bomb = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => checkTemplatePackage(bomb)).toThrow(PackageError);
    expect(() => inspectTemplate(bomb)).toThrow(/zip bomb/);
  });

  it('refuses macro-enabled and non-DOCX packages', () => {
    const zip = new PizZip(contract);
    zip.file('word/vbaProject.bin', 'macro');
    expect(() => checkTemplatePackage(zip.generate({ type: 'nodebuffer' }))).toThrow(/macro/);
    expect(() => checkTemplatePackage(Buffer.from('%PDF-1.7 not a zip'))).toThrow(PackageError);
  });
});

describe('filling a template', () => {
  it('fills Chinese and Hebrew text, a table from a list, a condition and an image, keeping RTL paragraphs', () => {
    const out = fillTemplate(contract, {
      party_a: '上海示例有限公司',
      party_b: 'חברת דוגמה בע״מ',
      amount: '1,000.00',
      vip: true,
      items: [
        { name: '服务器', qty: '2' },
        { name: 'שרת', qty: '3' },
      ],
      logo: onePixelPng,
    });
    const xml = documentXml(out);
    expect(xml).toContain('上海示例有限公司');
    expect(xml).toContain('חברת דוגמה בע״מ');
    expect(xml).toContain('VIP clause applies.');
    expect(xml.match(/<w:tr>/g)?.length).toBe(2);
    expect(xml).toContain('<w:bidi/>');
    expect(new PizZip(out).file(/word\/media\//).length).toBe(1);
  });

  it('drops a conditional clause when the condition is false', () => {
    const xml = documentXml(fillTemplate(contract, { vip: false, items: [] }));
    expect(xml).not.toContain('VIP clause');
  });

  it('reaches no code and no prototype from a tag', () => {
    const probe = docx(paragraph('[{constructor}][{__proto__}][{toString}]'));
    const xml = documentXml(fillTemplate(probe, {}));
    expect(xml).toContain('[][][]');
  });
});

describe('checking rows before generating', () => {
  const variables = inspectTemplate(contract).map((v) =>
    v.name === 'amount' ? { ...v, type: 'number' as const } : v,
  );

  it('lists every problem of every row: missing, not a number, a loop over a non-list, a bad image', () => {
    const { errors } = validateRows(variables, [
      { party_a: 'A', party_b: 'B', amount: '12', items: [], logo: onePixelPng },
      { party_b: 'B', amount: 'twelve', items: 'not a list', logo: 'http://example.com/x.png' },
    ]);
    expect(errors).toEqual([
      { row: 2, field: 'party_a', message: 'is required' },
      { row: 2, field: 'amount', message: 'must be a number' },
      { row: 2, field: 'items', message: 'must be a list of rows' },
      { row: 2, field: 'logo', message: 'must be a PNG or JPEG data URL (data:image/png;base64,…)' },
    ]);
  });

  it('reads lists given as JSON text (a CSV cell) and yes/no conditions in Chinese and Hebrew', () => {
    const { rows, errors } = validateRows(variables, [
      {
        party_a: 'A',
        party_b: 'B',
        amount: '1',
        vip: '是',
        items: '[{"name":"x","qty":"1"}]',
        logo: onePixelPng,
      },
      {
        party_a: 'A',
        party_b: 'B',
        amount: '1',
        vip: 'לא',
        items: [{ name: 'y', qty: '2' }],
        logo: onePixelPng,
      },
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.vip)).toEqual([true, false]);
    expect(rows[0]?.items).toEqual([{ name: 'x', qty: '1' }]);
  });
});

describe('versions of a schema', () => {
  it('keeps people’s edits for variables still present and lists what changed', () => {
    const v1 = inspectTemplate(contract).map((v) =>
      v.name === 'party_a' ? { ...v, label: '甲方', sample: '示例' } : v,
    );
    const v2found = inspectTemplate(
      docx(paragraph('{party_a} {signed_on}') + loopTable('items', ['{name}', '{price}'])),
    );
    const v2 = carryOverEdits(v2found, v1);
    expect(v2.find((v) => v.name === 'party_a')).toMatchObject({ label: '甲方', sample: '示例' });
    expect(diffVariables(v1, v2)).toEqual([
      { name: 'signed_on', change: 'added', to: 'text' },
      { name: 'items', change: 'fields_changed' },
      { name: 'party_b', change: 'removed', from: 'text' },
      { name: 'amount', change: 'removed', from: 'text' },
      { name: 'vip', change: 'removed', from: 'boolean' },
      { name: 'logo', change: 'removed', from: 'image' },
    ]);
  });
});
