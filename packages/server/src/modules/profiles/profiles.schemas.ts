import { Type } from '@sinclair/typebox';
import { profileSettings } from './profiles.settings.js';

/** Request and response shapes of the profiles routes. */
export const scopeType = Type.Union(
  [
    Type.Literal('platform'),
    Type.Literal('organisation'),
    Type.Literal('department'),
    Type.Literal('template'),
  ],
  { description: 'Where the profile applies' },
);

export const profileView = Type.Object({
  id: Type.String(),
  scope_type: scopeType,
  scope_id: Type.String({ description: '"*" for the platform default' }),
  name: Type.String(),
  current_version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const profileList = Type.Object({ items: Type.Array(profileView) });

export const versionView = Type.Object({
  profile_id: Type.String(),
  version: Type.Integer(),
  settings: profileSettings,
  note: Type.Union([Type.String(), Type.Null()]),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String(),
});

export const profileDetail = Type.Object({ profile: profileView, versions: Type.Array(versionView) });

export const saveProfileBody = Type.Object(
  {
    scope_type: scopeType,
    scope_id: Type.String({ minLength: 1, maxLength: 200 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    settings: profileSettings,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
    base_version: Type.Optional(
      Type.Integer({ minimum: 0, description: 'The version edited (0 or absent when creating)' }),
    ),
  },
  { additionalProperties: false },
);

export const profileParams = Type.Object({ id: Type.String() });
export const versionParams = Type.Object({ id: Type.String(), version: Type.Integer({ minimum: 1 }) });

export const resolveQuery = Type.Object({
  template: Type.Optional(Type.String()),
  department: Type.Optional(Type.String()),
  organisation: Type.Optional(Type.String()),
});

export const resolvedView = Type.Object({
  profile_id: Type.Union([Type.String(), Type.Null()]),
  scope_type: scopeType,
  scope_id: Type.String(),
  version: Type.Integer({ description: '0 for the built-in platform default' }),
  settings: profileSettings,
});

/** A signing route's optional `meaning`: one of the signing profile's meanings (else 40028). */
export const meaningField = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 200,
    description:
      'Signature meaning; must be one of the signing profile’s meanings (default: its first), else 40028',
  }),
);
