import { Type } from '@sinclair/typebox';
import { displayName } from '../../../platform/http/text-schemas.js';
import { stepUpResult } from '../mfa/mfa.schemas.js';

const strict = { additionalProperties: false } as const;
const b64url = (description: string, maxLength = 16384) =>
  Type.String({ minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+={0,2}$', description });

/** A passkey as the API shows it: never its public key or counter. */
export const passkeyView = Type.Object({
  id: Type.String({ description: 'Passkey id' }),
  name: Type.String({ description: 'The name the user gave it' }),
  aaguid: Type.String({ description: 'Authenticator model (AAGUID; zeros when not disclosed)' }),
  device_type: Type.String({ description: '`singleDevice` or `multiDevice` (synced)' }),
  backed_up: Type.Boolean({
    description: 'Whether the authenticator says the passkey is backed up (synced)',
  }),
  transports: Type.Array(Type.String()),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  revoked_at: Type.Union([Type.String(), Type.Null()]),
});
export const passkeyList = Type.Object({ items: Type.Array(passkeyView) });

export const passkeyParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Passkey id' }) });
export const passkeyName = displayName({ maxLength: 100, description: 'A name to recognise the passkey' });
export const renameBody = Type.Object({ name: passkeyName }, strict);

/** WebAuthn options for the browser (`navigator.credentials.*`, or @simplewebauthn/browser). */
export const ceremonyOptions = Type.Object({
  challenge_id: Type.String({
    description: 'Send back with the response; single use, bound to this session',
  }),
  expires_at: Type.String(),
  options: Type.Record(Type.String(), Type.Unknown(), {
    description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON',
  }),
});

const transports = Type.Array(
  Type.Union(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'].map((t) => Type.Literal(t))),
  { maxItems: 8 },
);
const common = {
  id: b64url('Credential id (base64url)', 1400),
  rawId: b64url('Credential id (base64url)', 1400),
  type: Type.Literal('public-key'),
  clientExtensionResults: Type.Record(Type.String(), Type.Unknown()),
  authenticatorAttachment: Type.Optional(
    Type.Union([Type.Literal('platform'), Type.Literal('cross-platform')]),
  ),
};

export const registrationResponse = Type.Object({
  ...common,
  response: Type.Object({
    clientDataJSON: b64url('clientDataJSON'),
    attestationObject: b64url('attestationObject', 65536),
    transports: Type.Optional(transports),
    authenticatorData: Type.Optional(b64url('authenticatorData')),
    publicKey: Type.Optional(b64url('publicKey')),
    publicKeyAlgorithm: Type.Optional(Type.Integer()),
  }),
});

export const authenticationResponse = Type.Object({
  ...common,
  response: Type.Object({
    clientDataJSON: b64url('clientDataJSON'),
    authenticatorData: b64url('authenticatorData'),
    signature: b64url('signature', 2048),
    userHandle: Type.Optional(Type.String({ maxLength: 256 })),
  }),
});

export const registerBody = Type.Object(
  {
    challenge_id: Type.String({ format: 'uuid' }),
    name: passkeyName,
    response: registrationResponse,
  },
  strict,
);

export const passkeyStepUpBody = Type.Object(
  {
    challenge_id: Type.String({ format: 'uuid' }),
    response: authenticationResponse,
    password: Type.Optional(
      Type.String({ minLength: 1, maxLength: 256, description: 'Your password too (both factors)' }),
    ),
  },
  strict,
);
export { stepUpResult };

const challengeToken = Type.String({
  minLength: 10,
  maxLength: 200,
  description: 'From the sign-in answer (status mfa_required)',
});
export const loginOptionsBody = Type.Object({ challenge_token: challengeToken }, strict);
export const loginBody = Type.Object(
  {
    challenge_token: challengeToken,
    challenge_id: Type.String({ format: 'uuid' }),
    response: authenticationResponse,
  },
  strict,
);
