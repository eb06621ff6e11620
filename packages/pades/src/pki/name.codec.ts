import { children, contentOf, oidOf } from '../cms/der-reader.js';
import { oid, printable, seq, set, utf8 } from '../cms/der-writer.js';
import { OID } from '../cms/oids.js';

/**
 * X.500 names. Legal names are written as UTF8String so Chinese and Hebrew names survive
 * every validator; country stays PrintableString as RFC 5280 requires.
 */
export interface NameParts {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
  serialNumber?: string;
}

/** DER Name in the usual order C, O, OU, CN, serialNumber. */
export function encodeName(parts: NameParts): Uint8Array {
  const rdns: Uint8Array[] = [];
  const add = (type: string, value: Uint8Array) => rdns.push(set(seq(oid(type), value)));
  if (parts.country) add(OID.countryName, printable(parts.country));
  if (parts.organization) add(OID.organizationName, utf8(parts.organization));
  if (parts.organizationalUnit) add(OID.organizationalUnitName, utf8(parts.organizationalUnit));
  add(OID.commonName, utf8(parts.commonName));
  if (parts.serialNumber) add(OID.serialNumber, printable(parts.serialNumber));
  return seq(...rdns);
}

const SHORT: Record<string, string> = {
  [OID.countryName]: 'C',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.emailAddress]: 'E',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.42': 'GN',
  '2.5.4.4': 'SN',
  '2.5.4.97': 'organizationIdentifier',
};

function valueText(buf: Uint8Array, tag: number, content: Uint8Array): string {
  if (tag === 0x1e) return Buffer.from(content).swap16().toString('utf16le');
  if (tag === 0x0c) return Buffer.from(content).toString('utf8');
  if (tag === 0x13 || tag === 0x16 || tag === 0x14) return Buffer.from(content).toString('latin1');
  return `#${Buffer.from(buf).toString('hex')}`;
}

/** Readable "CN=…, O=…, C=…" (most specific first) for reports and logs. */
export function nameToString(der: Uint8Array): string {
  const root = { tag: 0x30, start: 0, contentStart: 0, contentEnd: der.length, end: der.length };
  const top = children(der, root)[0];
  if (!top) return '';
  const parts: string[] = [];
  for (const rdn of children(der, top)) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      if (!type || !value) continue;
      const key = SHORT[oidOf(der, type)] ?? oidOf(der, type);
      parts.push(`${key}=${valueText(der, value.tag, contentOf(der, value))}`);
    }
  }
  return parts.reverse().join(', ');
}

/** The CN of a Name, or undefined. */
export function commonNameOf(der: Uint8Array): string | undefined {
  const match = /(?:^|, )CN=([^,]*)/.exec(nameToString(der));
  return match?.[1];
}
