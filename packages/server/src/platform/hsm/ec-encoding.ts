/**
 * The few DER shapes a PKCS#11 EC key needs on its way to X.509 and CMS: the curve
 * parameters, the public point as a SubjectPublicKeyInfo, and PKCS#11's raw r||s signature
 * as the Ecdsa-Sig-Value CMS carries.
 */

/** DER OID of prime256v1 (P-256): CKA_EC_PARAMS of a P-256 key. */
export const P256_PARAMS = Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07);
const EC_PUBLIC_KEY = Uint8Array.of(0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);

function tlv(tag: number, body: Uint8Array): Buffer {
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

/** CKA_EC_POINT (an OCTET STRING around 04||X||Y, or the bare point) → DER SPKI of a P-256 key. */
export function ecPointToSpki(ecPoint: Uint8Array): Buffer {
  let point = Buffer.from(ecPoint);
  if (point[0] === 0x04 && point.length === 67 && point[1] === 65) point = point.subarray(2);
  if (point.length !== 65 || point[0] !== 0x04) throw new Error('not an uncompressed P-256 point');
  const algorithm = tlv(0x30, Buffer.concat([EC_PUBLIC_KEY, P256_PARAMS]));
  return tlv(0x30, Buffer.concat([algorithm, tlv(0x03, Buffer.concat([Buffer.of(0), point]))]));
}

function derInteger(bytes: Uint8Array): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let v = Buffer.from(bytes.subarray(i));
  if ((v[0] ?? 0) & 0x80) v = Buffer.concat([Buffer.of(0), v]);
  return tlv(0x02, v);
}

/** PKCS#11's ECDSA output (r||s, each half the length) → DER SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Buffer {
  if (raw.length === 0 || raw.length % 2) throw new Error(`bad raw ECDSA signature length ${raw.length}`);
  const half = raw.length / 2;
  return tlv(0x30, Buffer.concat([derInteger(raw.subarray(0, half)), derInteger(raw.subarray(half))]));
}
