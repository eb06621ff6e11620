import { Type } from '@sinclair/typebox';

/** Schemas of the second factor: the sender's setting and the signer's code step. */
export const accessFactor = Type.Union(
  [Type.Literal('none'), Type.Literal('email_code'), Type.Literal('sms_code'), Type.Literal('access_code')],
  {
    description:
      'none; email_code / sms_code: a one-time code sent to the signer; access_code: set by the sender',
  },
);
const time = (description: string) =>
  Type.Union([Type.String({ format: 'date-time', description }), Type.Null()]);

export const setFactorBody = Type.Object(
  {
    factor: accessFactor,
    access_code: Type.Optional(
      Type.String({
        minLength: 6,
        maxLength: 64,
        description: 'access_code only: the code the signers must enter (stored hashed)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const factorView = Type.Object({ factor: accessFactor });

export const factorStatusView = Type.Object({
  required: Type.Boolean({ description: 'The request asks for a second factor' }),
  factor: accessFactor,
  passed: Type.Boolean({ description: 'The X-Signing-Factor proof sent holds for this link' }),
  destination: Type.Union([Type.String(), Type.Null()], { description: 'Where the code goes, masked' }),
  locked_until: time('Set while the link is locked after too many wrong codes'),
});

export const codeSentView = Type.Object({
  channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]),
  destination: Type.String({ description: 'Masked address' }),
  expires_at: Type.String({ format: 'date-time', description: 'The code stops working then' }),
  resend_after: Type.String({ format: 'date-time', description: 'No new code before then' }),
});

export const verifyCodeBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'The code received or given by the sender',
    }),
  },
  { additionalProperties: false },
);
export const proofView = Type.Object({
  factor_proof: Type.String({ description: 'Send as X-Signing-Factor with every later call of this link' }),
  expires_at: Type.String({ format: 'date-time' }),
});
