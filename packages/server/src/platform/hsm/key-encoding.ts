import { createPublicKey } from 'node:crypto';

/**
 * The key shapes the PKCS#11 token makes and how their public halves become X.509 SPKIs:
 * CKA_EC_PARAMS per curve, the EC point or the RSA modulus and exponent as a JWK that Node
 * turns into DER SubjectPublicKeyInfo, and PKCS#11's raw r||s ECDSA output as the DER
 * Ecdsa-Sig-Value CMS carries.
 */
export const TOKEN_KEY_ALGORITHMS = ['EC-P256', 'EC-P384', 'RSA-2048', 'RSA-3072', 'RSA-4096'] as const;
export type TokenKeyAlgorithm = (typeof TOKEN_KEY_ALGORITHMS)[number];

export function isTokenKeyAlgorithm(value: string): value is TokenKeyAlgorithm {
  return (TOKEN_KEY_ALGORITHMS as readonly string[]).includes(value);
}

/** DER OIDs of the curves (CKA_EC_PARAMS): prime256v1 and secp384r1. */
const CURVES = {
  'P-256': { params: Uint8Array.of(0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07), size: 32 },
  'P-384': { params: Uint8Array.of(0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22), size: 48 },
} as const;
type Curve = keyof typeof CURVES;

/** The key type and size of an algorithm name: EC with its curve, or RSA with its modulus bits. */
export function keyShape(algorithm: TokenKeyAlgorithm): { ec: Curve } | { rsaBits: number } {
  if (algorithm === 'EC-P256') return { ec: 'P-256' };
  if (algorithm === 'EC-P384') return { ec: 'P-384' };
  return { rsaBits: Number(algorithm.slice(4)) };
}

export function ecParams(curve: Curve): Buffer {
  return Buffer.from(CURVES[curve].params);
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const spkiOf = (jwk: Record<string, string>) =>
  createPublicKey({ key: jwk, format: 'jwk' }).export({ format: 'der', type: 'spki' });

/** CKA_EC_PARAMS and CKA_EC_POINT (an OCTET STRING around 04||X||Y, or the bare point) → DER SPKI. */
export function ecPointToSpki(params: Uint8Array, ecPoint: Uint8Array): Buffer {
  const entry = Object.entries(CURVES).find(([, c]) => Buffer.from(c.params).equals(Buffer.from(params)));
  if (!entry) throw new Error('the token key is on a curve SignX does not use (P-256, P-384)');
  const [crv, { size }] = entry;
  let point = Buffer.from(ecPoint);
  const len = 2 * size + 1;
  if (point.length === len + 2 && point[0] === 0x04 && point[1] === len) point = point.subarray(2);
  if (point.length !== len || point[0] !== 0x04) throw new Error(`not an uncompressed ${crv} point`);
  return spkiOf({
    kty: 'EC',
    crv,
    x: b64url(point.subarray(1, 1 + size)),
    y: b64url(point.subarray(1 + size)),
  });
}

/** CKA_MODULUS and CKA_PUBLIC_EXPONENT (big-endian) → DER SPKI of an rsaEncryption key. */
export function rsaToSpki(modulus: Uint8Array, exponent: Uint8Array): Buffer {
  return spkiOf({ kty: 'RSA', n: b64url(modulus), e: b64url(exponent) });
}

function tlv(tag: number, body: Uint8Array): Buffer {
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
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
