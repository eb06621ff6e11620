import {
  bitStringValue,
  child,
  children,
  contentOf,
  octetValue,
  oidOf,
  readTlv,
  smallInt,
  type Tlv,
} from '../cms/der-reader.js';
import { OID } from '../cms/oids.js';
import {
  applyConstraintExtension,
  CONSTRAINT_EXTENSIONS,
  type ConstraintExtensions,
} from './constraint-extensions.parser.js';

/** The extensions that path validation and revocation checking need, decoded. */
export interface CertificateExtensions extends ConstraintExtensions {
  /** Key usage bits (bit 0 = digitalSignature), or undefined when the extension is absent. */
  readonly keyUsage?: number;
  readonly extendedKeyUsage?: readonly string[];
  readonly isCa: boolean;
  readonly pathLength?: number;
  readonly subjectKeyId?: Uint8Array;
  readonly authorityKeyId?: Uint8Array;
  readonly ocspUrls: readonly string[];
  readonly caIssuersUrls: readonly string[];
  readonly crlUrls: readonly string[];
  readonly hasOcspNoCheck: boolean;
  /** OIDs of critical extensions we do not understand (RFC 5280 says: reject). */
  readonly unknownCritical: readonly string[];
}

/** Key usage bit numbers as named in RFC 5280. */
export const KEY_USAGE = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
} as const;

/** True when key usage bit `bit` is set. */
export const hasKeyUsage = (ku: number, bit: number): boolean => (ku & (1 << bit)) !== 0;

const KNOWN = new Set<string>([
  OID.keyUsage,
  OID.extKeyUsage,
  OID.basicConstraints,
  OID.subjectKeyIdentifier,
  OID.authorityKeyIdentifier,
  OID.authorityInfoAccess,
  OID.crlDistributionPoints,
  OID.ocspNoCheck,
  ...CONSTRAINT_EXTENSIONS,
]);

function readBits(buf: Uint8Array, t: Tlv): number {
  const bytes = bitStringValue(buf, t);
  let v = 0;
  for (let i = 0; i < bytes.length && i < 4; i++) {
    for (let b = 0; b < 8; b++) if (((bytes[i] as number) & (0x80 >> b)) !== 0) v |= 1 << (i * 8 + b);
  }
  return v;
}

/** URIs ([6] IA5String) found anywhere inside a GeneralNames-bearing structure. */
function uris(buf: Uint8Array, t: Tlv, out: string[]): string[] {
  if (t.tag === 0x86) out.push(Buffer.from(contentOf(buf, t)).toString('latin1'));
  else if ((t.tag & 0x20) !== 0) for (const c of children(buf, t)) uris(buf, c, out);
  return out;
}

type Mutable = { -readonly [K in keyof CertificateExtensions]: CertificateExtensions[K] };

function apply(ext: Mutable, buf: Uint8Array, id: string, v: Tlv): void {
  if (id === OID.keyUsage) ext.keyUsage = readBits(buf, v);
  else if (id === OID.extKeyUsage) ext.extendedKeyUsage = children(buf, v).map((c) => oidOf(buf, c));
  else if (id === OID.basicConstraints) {
    const kids = children(buf, v);
    ext.isCa = kids[0]?.tag === 0x01 && buf[kids[0].contentStart] !== 0;
    const len = kids.find((k) => k.tag === 0x02);
    if (len) ext.pathLength = smallInt(buf, len);
  } else if (id === OID.subjectKeyIdentifier) ext.subjectKeyId = contentOf(buf, v);
  else if (id === OID.authorityKeyIdentifier) {
    const keyId = children(buf, v).find((k) => k.tag === 0x80);
    if (keyId) ext.authorityKeyId = contentOf(buf, keyId);
  } else if (id === OID.authorityInfoAccess) {
    for (const ad of children(buf, v)) {
      const [method, location] = children(buf, ad);
      if (!method || !location) continue;
      const list = oidOf(buf, method) === OID.ocspAccess ? ext.ocspUrls : ext.caIssuersUrls;
      (list as string[]).push(...uris(buf, location, []));
    }
  } else if (id === OID.crlDistributionPoints) ext.crlUrls = uris(buf, v, []);
  else if (id === OID.ocspNoCheck) ext.hasOcspNoCheck = true;
  else applyConstraintExtension(ext, buf, id, v);
}

/** Decodes the Extensions SEQUENCE (or nothing) into CertificateExtensions. */
export function readExtensions(buf: Uint8Array, exts: Tlv | undefined): CertificateExtensions {
  const ext: Mutable = {
    isCa: false,
    ocspUrls: [],
    caIssuersUrls: [],
    crlUrls: [],
    hasOcspNoCheck: false,
    unknownCritical: [],
  };
  for (const e of exts ? children(buf, exts) : []) {
    const kids = children(buf, e);
    const id = oidOf(buf, child(buf, kids, 0, 0x06));
    const critical = kids[1]?.tag === 0x01 && buf[kids[1].contentStart] !== 0;
    const valueT = child(buf, kids, kids.length - 1, 0x04);
    const value = octetValue(buf, valueT);
    if (critical && !KNOWN.has(id)) (ext.unknownCritical as string[]).push(id);
    if (KNOWN.has(id)) apply(ext, value, id, readTlv(value, 0));
  }
  return ext;
}
