import { Type } from '@sinclair/typebox';
import { type AuditEventOf, defineAuditEventTypes } from '../../platform/catalogues/audit-event-catalogue.js';
import { definePermissions } from '../../platform/catalogues/permission-catalogue.js';
import type { ModuleTag } from '../../platform/module.js';

/** The profiles module's OpenAPI tag, permissions and audit event types. */
export const profilesTag: ModuleTag = {
  name: 'profiles',
  description:
    'Signing profiles (central configuration) per organisation, department or template: ' +
    'certificate or seal, PAdES level, TSAs with failover, revocation, appearance, certificate policy; versioned',
};

export const profilesPermissions = definePermissions('profiles', {
  'profiles.profile.read': { description: 'See signing profiles and their versions' },
  'profiles.profile.manage': { description: 'Create signing profiles and save new versions' },
});
export const can = profilesPermissions.codes;

export const profilesAuditEvents = defineAuditEventTypes('profiles', {
  'profile.version_saved': {
    description: 'A signing profile was created or got a new version',
    entityType: 'signing_profile',
    payload: Type.Object({
      scope_type: Type.String({ description: 'platform, organisation, department or template' }),
      scope_id: Type.String({ description: 'The scope the profile applies to' }),
      version: Type.Integer({ description: 'The version saved' }),
      note: Type.Union([Type.String(), Type.Null()], { description: 'Why it changed' }),
    }),
  },
});

export type ProfilesAuditEvent = AuditEventOf<typeof profilesAuditEvents>;
