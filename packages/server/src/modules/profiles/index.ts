import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { profilesAuditEvents, profilesPermissions, profilesTag } from './profiles.catalogue.js';
import { profilesDeps } from './profiles.deps.js';
import { profilesErrors } from './profiles.errors.js';
import { profileRoutes } from './profiles.routes.js';

/**
 * Signing profiles (central configuration). Other modules use:
 * - `resolveProfile(db, {template, department, organisation})`: the profile that applies;
 * - `assertCertificateAllowed(settings, certificate, hash)`: the certificate policy before signing;
 * - `checkAgainstProfile(...)`: the same check as a report (validation);
 * - `withTsaFailover(urls, stamp)`: time-stamp with each TSA in order until one answers;
 * - `signingPlan(settings, {trust, fetch})`: the PAdES level, the TSAs (with failover) and the
 *   validation-data sources a signature under the profile is made with;
 * - `useProfile(profile, {reason, meaning})`: the one path signing requests and seals take
 *   for what a signature under a profile carries: /Reason, meaning (checked against the
 *   profile's list, 40028), /Location and the appearance (layout, printed fields, captions,
 *   font), built on `profileAppearance`, `profileReason` and `profileMeaning`.
 */
export type { AppearanceTemplate, ProfileAppearance } from './profile-appearance.js';
export {
  APPEARANCE_FONTS,
  APPEARANCE_TEMPLATES,
  profileAppearance,
  profileReason,
} from './profile-appearance.js';
export type { SigningPlan } from './profile-signing.js';
export { profileTimestamper, signingPlan } from './profile-signing.js';
export type { ProfileUse } from './profile-use.js';
export { profileMeaning, useProfile } from './profile-use.js';
export { profilesErrors } from './profiles.errors.js';
export { meaningField } from './profiles.schemas.js';
export type { ResolvedProfile } from './profiles.service.js';
export {
  assertCertificateAllowed,
  checkAgainstProfile,
  resolveProfile,
  withTsaFailover,
} from './profiles.service.js';
export type { ProfileSettings } from './profiles.settings.js';
export { certificatePolicyOf, PLATFORM_DEFAULT } from './profiles.settings.js';
export type { ProfileScope } from './profiles.tables.js';

export const profilesModule: ModuleDefinition = {
  name: 'profiles',
  tags: [profilesTag],
  permissions: profilesPermissions,
  auditEvents: profilesAuditEvents,
  errors: profilesErrors,
  routes: async (api, ctx) => mountRoutes(api, profilesTag, profileRoutes(profilesDeps(ctx))),
};
