import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import type { JobRuntime } from '../../platform/jobs/index.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { audit } from '../audit/index.js';
import { EntityTypeRegistry } from './entity-types.js';
import { type SigningAuditEvent, signingAuditEvents } from './signing.catalogue.js';
import { type EmittedBundles, emittingSink } from './signing-events.js';

/** Limits of the signing module (signature images, link lifetime floor). */
export const signingLimits = {
  /** Largest drawn/uploaded signature image, decoded. */
  maxImageBytes: 512 * 1024,
  /** Link tokens: 32 random bytes (256 bits), base64url. */
  tokenBytes: 32,
} as const;

/** What the signing services and job handlers use, one value per app context. */
export interface SigningDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  jobs: JobRuntime;
  trust: PlatformTrust;
  audit: AuditTrail<SigningAuditEvent>;
  entityTypes: EntityTypeRegistry;
  /** Base of the signer page links (PUBLIC_URL). */
  publicUrl: string;
  /** The request as each transaction's last emitted event read it (signing-events.ts). */
  emittedBundles: EmittedBundles;
}

export const signingDeps = defineModuleDeps('signing', (ctx): SigningDeps => {
  const publicUrl = ctx.config.http.publicUrl.replace(/\/+$/, '');
  const emittedBundles: EmittedBundles = new WeakMap();
  return {
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    jobs: ctx.jobs,
    trust: ctx.trust,
    audit: createAuditTrail(signingAuditEvents, {
      catalogues: ctx.catalogues,
      sink: emittingSink(audit.record, ctx, publicUrl, emittedBundles),
      verify: !ctx.config.isProduction,
    }),
    entityTypes: new EntityTypeRegistry(),
    publicUrl,
    emittedBundles,
  };
});
