import { Type } from '@sinclair/typebox';

/** Response schema of POST /digital-signature/verify-document. */
const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const str = Type.String();

export const verifiedSignature = Type.Object({
  field_name: str,
  kind: Type.Union([Type.Literal('signature'), Type.Literal('document-timestamp')]),
  signer: Type.Object(
    {
      name: nullable(str),
      subject: nullable(str),
      certificate_serial: nullable(str),
    },
    { description: 'From the signing certificate: what the signature proves' },
  ),
  declared_name_claim: Type.Union([str, Type.Null()], {
    description: 'The /Name written by the signing software: a claim, not proven',
  }),
  claimed_signing_time: nullable(str),
  reason: nullable(str),
  level: Type.String({ description: 'PAdES baseline level reached: B-B, B-T, B-LT, B-LTA or none' }),
  level_notes: Type.Array(str),
  integrity: Type.Object({ digest_matches: Type.Boolean(), signature_valid: Type.Boolean() }),
  chain: Type.Object({
    trusted_to_platform_root: Type.Boolean(),
    valid: Type.Boolean(),
    path: Type.Array(str),
    problems: Type.Array(str),
  }),
  revocation: Type.Object({
    status: Type.String({ description: 'good, revoked, unknown or not-checked' }),
    in_file: Type.Object({ status: str, detail: Type.Array(str) }),
    platform: Type.Union([Type.Object({ status: str, revoked_at: nullable(str) }), Type.Null()]),
  }),
  timestamp: Type.Union([
    Type.Object({ time: nullable(str), tsa: nullable(str), valid: Type.Boolean(), trusted: Type.Boolean() }),
    Type.Null(),
  ]),
  coverage: Type.Object({ revision: Type.Integer(), covers_whole_file: Type.Boolean() }),
  changes_after: Type.Array(Type.Object({ kind: str, allowed: Type.Boolean(), detail: str })),
  profile_policy: Type.Union(
    [
      Type.Object({
        ok: Type.Boolean({ description: 'The signer certificate meets the profile’s certificate policy' }),
        profile_id: Type.Union([str, Type.Null()], { description: 'null: the built-in platform default' }),
        profile_version: Type.Integer({ description: '0 for the built-in platform default' }),
        scope_type: Type.String({ description: 'platform, organisation, department or template' }),
        failures: Type.Array(Type.Object({ code: str, message: str }), {
          description: 'Every requirement the certificate fails (key usage, EKU, policy OID, key size, hash)',
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        'The signer certificate against the resolved signing profile (the matched request’s, else the' +
        ' platform’s); null for a document time-stamp. Does not change `valid`.',
    },
  ),
  signature_number: Type.Union([str, Type.Null()], { description: 'SIG-YYYY-NNNNN when SignX made it' }),
  valid: Type.Boolean(),
  problems: Type.Array(str),
});

export const documentVerification = Type.Object({
  valid: Type.Boolean(),
  sha256: Type.String({ description: 'SHA-256 of the uploaded file' }),
  size: Type.Integer(),
  revisions: Type.Integer(),
  has_validation_data: Type.Boolean({ description: 'The file carries a DSS (OCSP responses, CRLs)' }),
  trust_anchor: Type.Object({ subject: str, sha256: str }),
  signatures: Type.Array(verifiedSignature),
  signx: Type.Object({ matched: Type.Boolean(), request_numbers: Type.Array(str) }),
  verified_at: str,
});
