import { type Static, Type } from '@sinclair/typebox';
import { pageQuerySchema } from '../../platform/db/pagination.js';
import { TOKEN_KEY_ALGORITHMS } from '../../platform/hsm/key-encoding.js';

/** Request and response schemas of the keys routes. */
const state = Type.Union([Type.Literal('active'), Type.Literal('superseded'), Type.Literal('revoked')], {
  description:
    'active (signs), superseded (rotated: old signatures stay valid, new ones use the successor), revoked',
});
const storage = Type.Union([Type.Literal('file'), Type.Literal('pkcs11')], {
  description: 'file: key wrapped by the keyring in the database; pkcs11: key generated inside the HSM token',
});
const nullable = (schema: ReturnType<typeof Type.String>, description: string) =>
  Type.Union([schema, Type.Null()], { description });
const uscc = Type.String({
  minLength: 18,
  maxLength: 18,
  description: 'Unified social credit code (统一社会信用代码, GB 32100-2015), check character verified',
});
const reasons = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
] as const;

export const certificateParams = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Organisation certificate id' }),
});

export const certificateListQuery = Type.Composite([
  pageQuerySchema(['created_at', 'not_after', 'legal_name'], 'created_at'),
  Type.Object({ state: Type.Optional(state), uscc: Type.Optional(uscc) }),
]);

export const newCertificate = Type.Object(
  {
    legal_name: Type.String({
      minLength: 1,
      maxLength: 300,
      description: 'Organisation legal name (subject O and CN)',
    }),
    uscc,
    storage,
    algorithm: Type.Optional(
      Type.String({
        maxLength: 20,
        examples: [...TOKEN_KEY_ALGORITHMS],
        description: `Key algorithm, in a file or in the HSM: ${TOKEN_KEY_ALGORITHMS.join(', ')} (default EC-P256); another is refused (400)`,
      }),
    ),
    validity_days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Validity (default 730)' }),
    ),
  },
  { additionalProperties: false },
);

export const importCertificate = Type.Object(
  {
    pkcs12: Type.String({
      minLength: 1,
      maxLength: 700_000,
      description: 'The PKCS#12 (.p12/.pfx) file, base64',
    }),
    password: Type.String({ maxLength: 200, description: 'Its password' }),
    uscc: Type.Optional(uscc),
  },
  { additionalProperties: false },
);

export const rotateCommand = Type.Object(
  {
    validity_days: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'Validity of the new certificate' }),
    ),
  },
  { additionalProperties: false },
);

export const revokeCommand = Type.Object(
  {
    reason: Type.Union(
      reasons.map((r) => Type.Literal(r)),
      { description: 'RFC 5280 revocation reason' },
    ),
  },
  { additionalProperties: false },
);

export const certificateView = Type.Object({
  id: Type.String({ description: 'Certificate id' }),
  legal_name: Type.String({ description: 'Organisation legal name' }),
  uscc: Type.String({ description: 'Unified social credit code' }),
  subject: Type.String({ description: 'Subject distinguished name' }),
  issuer: Type.String({ description: 'Issuer distinguished name' }),
  serial: Type.String({ description: 'Serial number (hex)' }),
  source: Type.Union([Type.Literal('issued'), Type.Literal('pkcs12')], {
    description: 'Issued by the platform CA or imported',
  }),
  storage,
  algorithm: Type.String({ description: 'Key algorithm (EC-P256, RSA-2048, ...)' }),
  state,
  not_before: Type.String({ format: 'date-time', description: 'Valid from' }),
  not_after: Type.String({ format: 'date-time', description: 'Valid until' }),
  days_left: Type.Integer({ description: 'Whole days until expiry (negative once expired)' }),
  predecessor_id: nullable(Type.String(), 'The certificate this one replaced'),
  successor_id: nullable(Type.String(), 'The certificate that replaced this one'),
  revoked_at: nullable(Type.String({ format: 'date-time' }), 'Revocation time'),
  revocation_reason: nullable(Type.String(), 'Revocation reason'),
  last_self_test_at: nullable(Type.String({ format: 'date-time' }), 'Latest self-test'),
  last_self_test_ok: Type.Union([Type.Boolean(), Type.Null()], { description: 'Whether it passed' }),
  created_at: Type.String({ format: 'date-time', description: 'Creation time' }),
  allowed_actions: Type.Array(Type.Union([Type.Literal('rotate'), Type.Literal('revoke')]), {
    description: 'What the caller may do with it now',
  }),
});
export type CertificateView = Static<typeof certificateView>;

export const selfTestView = Type.Object({
  tested: Type.Integer({ description: 'Active certificates tested' }),
  results: Type.Array(
    Type.Object({
      certificate_id: Type.String({ description: 'Certificate' }),
      serial: Type.String({ description: 'Serial' }),
      ok: Type.Boolean({ description: 'Signed and verified' }),
      error: nullable(Type.String(), 'What failed'),
    }),
  ),
});

export const platformKeyView = Type.Object(
  {
    role: Type.Union([Type.Literal('root'), Type.Literal('issuing'), Type.Literal('tsa')], {
      description:
        'root (the trust anchor), issuing (the platform CA), tsa (the in-process time-stamp authority)',
    }),
    storage,
    label: nullable(Type.String(), 'CKA_LABEL of the key in the token; null for a file key'),
    subject: Type.String({ description: 'Certificate subject DN' }),
    serial: Type.String({ description: 'Certificate serial (hex)' }),
    not_after: Type.String({ format: 'date-time', description: 'Certificate expiry' }),
    days_left: Type.Integer({ description: 'Whole days until expiry (negative once expired)' }),
  },
  { description: 'A key of the platform PKI (no key material)' },
);
export type PlatformKeyView = Static<typeof platformKeyView>;
export const platformKeyList = Type.Array(platformKeyView, {
  description: 'The platform root, issuing CA and TSA keys',
});
