import { Type } from '@sinclair/typebox';
import { secondFactorMethod } from '../auth/auth.schemas.js';

const strict = { additionalProperties: false } as const;
const password = Type.String({ minLength: 1, maxLength: 256, description: 'Your current password' });
const code = Type.String({ minLength: 4, maxLength: 64, description: 'A one-time code' });

export const bindBody = Type.Object({ password }, strict);
export const bindResult = Type.Object({
  secret: Type.String({ description: 'Base32 TOTP secret (shown once; enter it in the authenticator)' }),
  otpauth_uri: Type.String({ description: 'otpauth:// URI for a QR code' }),
});
export const confirmBody = Type.Object({ code }, strict);
export const recoveryCodes = Type.Object({
  recovery_codes: Type.Array(Type.String(), { description: 'Single-use recovery codes, shown once' }),
});
export const unbindBody = Type.Object(
  { password, code: Type.String({ ...code, description: 'A current TOTP code' }) },
  strict,
);
export const stepUpBody = Type.Object(
  {
    password: Type.Optional(password),
    method: Type.Optional(secondFactorMethod),
    code: Type.Optional(code),
  },
  strict,
);
export const stepUpResult = Type.Object({
  proof: Type.String({ description: 'Single-use proof for the sensitive action (e.g. signing)' }),
  factors: Type.Array(Type.String(), { description: 'The secrets proven: password, totp, email, recovery' }),
  expires_at: Type.String({ description: 'When the proof expires' }),
});
