import { inTransaction } from '../../platform/db/transaction.js';
import { actorOf } from '../../platform/http/access.js';
import { defineRoute, type RouteDefinition } from '../../platform/http/route.js';
import { profilesPermissions as permissions } from './profiles.catalogue.js';
import type { ProfilesDeps } from './profiles.deps.js';
import { profilesErrors } from './profiles.errors.js';
import {
  profileDetail,
  profileList,
  profileParams,
  resolvedView,
  resolveQuery,
  saveProfileBody,
  versionParams,
  versionView,
} from './profiles.schemas.js';
import * as service from './profiles.service.js';
import { PLATFORM_DEFAULT, type ProfileSettings, profileSettings } from './profiles.settings.js';
import type { SigningProfileVersionsTable as ProfileVersionRow } from './profiles.tables.js';

const presentVersion = (v: ProfileVersionRow) => ({
  profile_id: v.profile_id,
  version: v.version,
  settings: JSON.parse(v.settings) as ProfileSettings,
  note: v.note,
  created_by: v.created_by,
  created_at: v.created_at,
});

/** Signing profile routes: list, resolve, save (new version), detail with history, one version. */
export function profileRoutes(deps: ProfilesDeps): RouteDefinition[] {
  const read = permissions.access('profiles.profile.read');
  return [
    defineRoute({
      method: 'GET',
      url: '/profiles',
      access: read,
      summary: 'List signing profiles',
      response: profileList,
      handler: async () => ({ items: await service.listProfiles(deps.db) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/profiles/default',
      access: read,
      summary: 'The built-in platform default signing profile',
      description:
        'The settings that apply when no platform, organisation, department or template profile is configured' +
        ' (seed 002: RSA ≥ 2048, P-256/P-384/P-521, SHA-256 or stronger). Read-only.',
      response: profileSettings,
      handler: async () => PLATFORM_DEFAULT,
    }),
    defineRoute({
      method: 'GET',
      url: '/profiles/resolve',
      access: read,
      summary: 'The profile that applies to a template, department or organisation',
      description: 'Resolution order: template → department → organisation → platform default.',
      querystring: resolveQuery,
      response: resolvedView,
      handler: async (request) => service.resolveProfile(deps.db, request.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/profiles',
      access: permissions.access('profiles.profile.manage'),
      summary: 'Create a signing profile or save a new version of it',
      description:
        'Each save is a new version; old versions stay readable. base_version guards lost updates.',
      body: saveProfileBody,
      response: profileDetail,
      status: 201,
      idempotent: true,
      errors: [
        profilesErrors.PROFILE_SCOPE_INVALID,
        profilesErrors.PROFILE_SETTING_REFUSED,
        profilesErrors.PROFILE_VERSION_CONFLICT,
      ],
      handler: async (request) => {
        const actor = actorOf(request);
        const saved = await inTransaction(deps.db, (trx) =>
          service.saveProfile(trx, deps, actor, request.body),
        );
        return { profile: saved.profile, versions: [presentVersion(saved.version)] };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/profiles/:id',
      access: read,
      summary: 'A signing profile with its version history (newest first)',
      params: profileParams,
      response: profileDetail,
      errors: ['NOT_FOUND'],
      handler: async (request) => {
        const profile = await service.getProfile(deps.db, request.params.id);
        const versions = await service.listVersions(deps.db, profile.id);
        return { profile, versions: versions.map(presentVersion) };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/profiles/:id/versions/:version',
      access: read,
      summary: 'One version of a signing profile',
      params: versionParams,
      response: versionView,
      errors: ['NOT_FOUND'],
      handler: async (request) =>
        presentVersion(await service.getVersion(deps.db, request.params.id, request.params.version)),
    }),
  ];
}
