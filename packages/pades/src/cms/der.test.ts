import { describe, expect, it } from 'vitest';
import { PadesError } from '../errors.js';
import { children, hexInt, oidOf, readRoot, readTlv, timeOf } from './der-reader.js';
import { bitString, generalizedTime, int, oid, seq, setOf, time, utf8 } from './der-writer.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('DER writer known answers', () => {
  it('encodes INTEGERs minimally with a sign byte when needed', () => {
    expect(hex(int(0))).toBe('020100');
    expect(hex(int(127))).toBe('02017f');
    expect(hex(int(128))).toBe('02020080');
    expect(hex(int(65536))).toBe('0203010000');
    expect(hex(int(Uint8Array.of(0, 0, 0x80)))).toBe('02020080');
    expect(hex(int(Uint8Array.of(0, 0, 0x01)))).toBe('020101');
  });

  it('encodes OIDs (signedData, documentSigning)', () => {
    expect(hex(oid('1.2.840.113549.1.7.2'))).toBe('06092a864886f70d010702');
    expect(hex(oid('1.3.6.1.5.5.7.3.36'))).toBe('06082b06010505070324');
  });

  it('encodes long lengths in the minimal number of bytes', () => {
    const big = seq(new Uint8Array(300));
    expect(hex(big.subarray(0, 4))).toBe('3082012c');
    expect(hex(seq(new Uint8Array(200)).subarray(0, 3))).toBe('3081c8');
  });

  it('writes times as RFC 5280 wants: UTCTime before 2050, GeneralizedTime after, DER fraction', () => {
    const d = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 120));
    expect(Buffer.from(time(d).subarray(2)).toString()).toBe('260102030405Z');
    expect(time(d)[0]).toBe(0x17);
    expect(Buffer.from(time(new Date(Date.UTC(2051, 0, 1))).subarray(2)).toString()).toBe('20510101000000Z');
    expect(Buffer.from(generalizedTime(d, true).subarray(2)).toString()).toBe('20260102030405.12Z');
    expect(Buffer.from(generalizedTime(new Date(Date.UTC(2026, 0, 1)), true).subarray(2)).toString()).toBe(
      '20260101000000Z',
    );
  });

  it('sorts SET OF elements by encoding', () => {
    const s = setOf([int(300), int(1), int(2)]);
    expect(hex(s)).toBe('310a0201010201020202012c');
  });

  it('writes UTF-8 names byte-exact', () => {
    expect(hex(utf8('张三'))).toBe('0c06e5bca0e4b889');
    expect(hex(bitString(Uint8Array.of(0xc0), 6))).toBe('030206c0');
  });
});

describe('DER reader', () => {
  it('round-trips what the writer produced', () => {
    const d = new Date(Date.UTC(2030, 5, 6, 7, 8, 9, 250));
    const der = seq(
      oid('1.2.840.113549.1.9.16.2.47'),
      int(Uint8Array.of(0x01, 0xff)),
      generalizedTime(d, true),
    );
    const [o, i, t] = children(der, readRoot(der));
    expect(o && oidOf(der, o)).toBe('1.2.840.113549.1.9.16.2.47');
    expect(i && hexInt(der, i)).toBe('01ff');
    expect(t && timeOf(der, t).toISOString()).toBe(d.toISOString());
  });

  it('accepts BER indefinite lengths', () => {
    const ber = Uint8Array.of(0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00);
    const root = readRoot(ber);
    expect(root.end).toBe(7);
    expect(children(ber, root)).toHaveLength(1);
  });

  it('bounds nested indefinite lengths instead of recursing without limit', () => {
    const deep = new Uint8Array(20_000);
    for (let i = 0; i < deep.length; i += 2) deep.set([0x30, 0x80], i);
    expect(() => readRoot(deep)).toThrow(/nested too deeply/);
  });

  it('ignores zero padding after the root (PDF /Contents) but rejects other trailing data', () => {
    expect(readRoot(Uint8Array.of(0x05, 0x00, 0, 0, 0)).end).toBe(2);
    expect(() => readRoot(Uint8Array.of(0x05, 0x00, 1))).toThrow(PadesError);
  });

  it('rejects truncated input with MALFORMED_DER', () => {
    const der = seq(int(1), int(2));
    try {
      readTlv(der.subarray(0, der.length - 1), 0);
      expect.unreachable();
    } catch (err) {
      expect((err as PadesError).code).toBe('MALFORMED_DER');
    }
  });
});
