import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import { audit } from '../audit/index.js';
import { type ProfilesAuditEvent, profilesAuditEvents } from './profiles.catalogue.js';

export interface ProfilesDeps {
  db: Db;
  clock: Clock;
  audit: AuditTrail<ProfilesAuditEvent>;
}

export const profilesDeps = defineModuleDeps(
  'profiles',
  (ctx: AppContext): ProfilesDeps => ({
    db: ctx.db,
    clock: ctx.clock,
    audit: createAuditTrail(profilesAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
  }),
);
