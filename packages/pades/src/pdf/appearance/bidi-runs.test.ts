import { describe, expect, it } from 'vitest';
import { bidiClass, bidiLevels, isRtlParagraph, visualOrder } from './bidi-runs.js';

describe('paragraph direction (UAX #9 P2/P3)', () => {
  it('follows the first strong character, skipping digits and punctuation', () => {
    expect(isRtlParagraph('שלום world')).toBe(true);
    expect(isRtlParagraph('Signed by: ישראל')).toBe(false);
    expect(isRtlParagraph('12:30 — אישור')).toBe(true);
    expect(isRtlParagraph('2026 ')).toBe(false);
    expect(isRtlParagraph('سلام')).toBe(true);
  });
});

describe('bidi classes of the characters labels use', () => {
  it('tells letters, numbers, separators and marks apart', () => {
    const classes = [...'aא1+$,\u05b8 ٣!'].map((c) => bidiClass(c.codePointAt(0)!));
    expect(classes).toEqual(['L', 'R', 'EN', 'ES', 'ET', 'CS', 'NSM', 'WS', 'AN', 'ON']);
    expect(bidiClass('张'.codePointAt(0)!)).toBe('L');
    expect(bidiClass('ب'.codePointAt(0)!)).toBe('AL');
  });
});

describe('visual order of Hebrew, digits and Latin', () => {
  it('reverses a Hebrew word', () => {
    expect(visualOrder('שלום')).toBe('םולש');
  });

  it('keeps numbers inside right-to-left text in left-to-right order', () => {
    expect(visualOrder('חוזה 123')).toBe('123 הזוח');
    expect(visualOrder('סכום: 1,250.50 ₪')).toBe('₪ 1,250.50 :םוכס');
    expect(visualOrder('טלפון 03-1234567')).toBe('03-1234567 ןופלט');
  });

  it('keeps Latin words in their order inside a Hebrew line', () => {
    expect(visualOrder('חתימה PDF ok')).toBe('PDF ok המיתח');
  });

  it('shows the zoned time of a Hebrew label with every number readable', () => {
    // W7: digits after the Latin "UTC" become left-to-right letters, so "UTC+02:00" stays whole.
    expect(visualOrder('זמן: 2026-03-01 14:05:04 UTC+02:00')).toBe('UTC+02:00 14:05:04 2026-03-01 :ןמז');
  });

  it('mirrors brackets shown right to left', () => {
    expect(visualOrder('שלום (עולם)')).toBe('(םלוע) םולש');
    expect(visualOrder('אישור [v2]')).toBe('[v2] רושיא');
    expect(visualOrder('אישור (PDF)')).toBe('(PDF) רושיא');
  });

  it('keeps a bracket pair together around a Hebrew phrase ending in a number (N0)', () => {
    expect(visualOrder('Reason: אישור חוזה (גרסה 2)')).toBe('Reason: (2 הסרג) הזוח רושיא');
  });

  it('lays out Hebrew inside an English line without moving the Latin part', () => {
    expect(visualOrder('Signed by: ישראל ישראלי')).toBe('Signed by: ילארשי לארשי');
    expect(visualOrder('Reason: אישור 2')).toBe('Reason: 2 רושיא');
    expect(visualOrder('Reason: (אישור)')).toBe('Reason: (רושיא)');
  });

  it('leaves pure left-to-right text untouched', () => {
    const line = 'Time: 2026-03-01 14:05:04 UTC+08:00 (Asia/Shanghai)';
    expect(visualOrder(line)).toBe(line);
    expect(visualOrder('签署人: 张三')).toBe('签署人: 张三');
  });
});

describe('levels (I1/I2, L1)', () => {
  it('gives digits in right-to-left text level 2 and trailing spaces the paragraph level', () => {
    expect(bidiLevels('אב 12 ')).toEqual([1, 1, 1, 2, 2, 1]);
    expect(bidiLevels('ab אב  ')).toEqual([0, 0, 0, 1, 1, 0, 0]);
  });

  it('attaches Hebrew points (non-spacing marks) to their letter', () => {
    expect(bidiLevels('Aשָׁ')).toEqual([0, 1, 1, 1]);
    expect(visualOrder('שָׁלוֹם')).toBe([...'שָׁלוֹם'].reverse().join(''));
  });
});
