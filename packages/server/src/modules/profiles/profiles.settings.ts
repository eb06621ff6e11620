import type { CertificatePolicy, CurveName, HashName, KeyUsageName } from '@signx/pades';
import { type Static, Type } from '@sinclair/typebox';

/**
 * What a signing profile says: which certificate or seal signs, the PAdES level, the TSAs
 * (tried in order: failover), the revocation policy, the appearance, default reasons and
 * meanings, and the certificate policy checked before signing and during validation.
 */
const oid = Type.String({ pattern: '^[0-2](\\.[0-9]+)+$', description: 'Dotted OID' });

export const profileSettings = Type.Object(
  {
    certificate_id: Type.Union([Type.String(), Type.Null()], { description: 'Organisation certificate' }),
    seal_id: Type.Union([Type.String(), Type.Null()], { description: 'Seal applied with this profile' }),
    pades_level: Type.Union([
      Type.Literal('B-B'),
      Type.Literal('B-T'),
      Type.Literal('B-LT'),
      Type.Literal('B-LTA'),
    ]),
    tsa_urls: Type.Array(Type.String({ pattern: '^https?://', maxLength: 500 }), {
      maxItems: 5,
      description: 'Time-stamp authorities, tried in this order until one answers',
    }),
    revocation: Type.Union([Type.Literal('embedded'), Type.Literal('online'), Type.Literal('off')]),
    appearance: Type.Object({
      template: Type.String({
        maxLength: 100,
        description:
          'Layout: standard (display order, every caption language), compact (first caption language), detailed (listed order, certificate with issuer), seal (lines printed under a seal); others refused (40022)',
      }),
      fields: Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 10,
        description:
          'Lines a visible signature prints: name, meaning, reason, date, organisation (the certificate’s O), location, certificate (subject CN and serial); in this display order, or as listed with the detailed layout',
      }),
      font: Type.String({
        maxLength: 100,
        description:
          'Noto Sans, Noto Sans SC, Noto Sans Hebrew, DejaVu Sans (drawn with DejaVu Sans) or Noto Serif, Noto Serif SC, DejaVu Serif (DejaVu Serif, no Hebrew); Chinese always in WenQuanYi Micro Hei; others refused (40022)',
      }),
      languages: Type.Array(Type.String({ maxLength: 10 }), {
        maxItems: 5,
        description: 'Caption languages (zh-CN, en, he), joined " / " in this order',
      }),
    }),
    location: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Where signatures under the profile are made: the PDF /Location and the printed location line',
      }),
    ),
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
    meanings: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
      maxItems: 20,
      description:
        'Signature meanings a signature under the profile may carry (Part 11 style); the first is the default, any other is refused (40028)',
    }),
    certificate_policy: Type.Object({
      key_usage: Type.Array(Type.Union([Type.Literal('digitalSignature'), Type.Literal('nonRepudiation')])),
      extended_key_usage: Type.Array(oid, { maxItems: 10 }),
      policy_oids: Type.Array(oid, { maxItems: 10 }),
      min_rsa_bits: Type.Integer({ minimum: 2048, maximum: 16384 }),
      allowed_curves: Type.Array(
        Type.Union([Type.Literal('P-256'), Type.Literal('P-384'), Type.Literal('P-521')]),
        {
          minItems: 1,
        },
      ),
      allowed_hashes: Type.Array(
        Type.Union([Type.Literal('SHA-256'), Type.Literal('SHA-384'), Type.Literal('SHA-512')]),
        { minItems: 1 },
      ),
    }),
  },
  { additionalProperties: false },
);
export type ProfileSettings = Static<typeof profileSettings>;

/** The platform default when nothing more specific is configured (seed 002's floor). */
export const PLATFORM_DEFAULT: ProfileSettings = {
  certificate_id: null,
  seal_id: null,
  pades_level: 'B-LTA',
  tsa_urls: [],
  revocation: 'embedded',
  appearance: {
    template: 'standard',
    fields: ['name', 'date', 'reason'],
    font: 'Noto Sans',
    languages: ['zh-CN', 'en', 'he'],
  },
  reasons: [],
  meanings: [],
  certificate_policy: {
    key_usage: [],
    extended_key_usage: [],
    policy_oids: [],
    min_rsa_bits: 2048,
    allowed_curves: ['P-256', 'P-384', 'P-521'],
    allowed_hashes: ['SHA-256', 'SHA-384', 'SHA-512'],
  },
};

/** The profile's certificate requirements in the engine's terms. */
export function certificatePolicyOf(s: ProfileSettings): CertificatePolicy {
  const p = s.certificate_policy;
  return {
    keyUsage: p.key_usage as KeyUsageName[],
    keyUsageAnyOf: ['digitalSignature', 'nonRepudiation'],
    extendedKeyUsage: p.extended_key_usage,
    policyOids: p.policy_oids,
    minRsaBits: p.min_rsa_bits,
    allowedCurves: p.allowed_curves as CurveName[],
    allowedHashes: p.allowed_hashes as HashName[],
  };
}
