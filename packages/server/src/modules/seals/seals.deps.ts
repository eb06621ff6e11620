import type { Signer } from '@signx/pades';
import type { AppContext } from '../../platform/app-context.js';
import { type AuditTrail, createAuditTrail } from '../../platform/audit-trail.js';
import type { Clock } from '../../platform/db/clock.js';
import type { Db } from '../../platform/db/schema.js';
import { defineModuleDeps } from '../../platform/module-deps.js';
import type { PlatformTrust } from '../../platform/trust/platform-trust.js';
import { audit } from '../audit/index.js';
import { keys } from '../keys/index.js';
import { type SealsAuditEvent, sealsAuditEvents } from './seals.catalogue.js';
import type { SealsTable } from './seals.tables.js';

/** Finds the signer of a seal's organisation certificate. */
export type SealSignerResolver = (seal: SealsTable) => Promise<Signer>;

export interface SealsDeps {
  ctx: AppContext;
  db: Db;
  clock: Clock;
  trust: PlatformTrust;
  audit: AuditTrail<SealsAuditEvent>;
  /**
   * The organisation's signer for a seal: the keys module's signer of the seal's organisation
   * certificate (file key or HSM; a rotated certificate signs with its successor). A seal
   * registered without a certificate falls back to a certificate the platform CA issues for
   * the organisation's name, kept in memory (development and demos; bind one in production).
   */
  signerFor: SealSignerResolver;
}

export const sealsDeps = defineModuleDeps('seals', (ctx): SealsDeps => {
  const issued = new Map<string, Promise<Signer>>();
  return {
    ctx,
    db: ctx.db,
    clock: ctx.clock,
    trust: ctx.trust,
    audit: createAuditTrail(sealsAuditEvents, {
      catalogues: ctx.catalogues,
      sink: audit.record,
      verify: !ctx.config.isProduction,
    }),
    signerFor: (seal) => {
      if (seal.certificate_id) return keys.signerFor(ctx, seal.certificate_id);
      let signer = issued.get(seal.organisation);
      if (!signer) {
        signer = ctx.trust.issueSigner({ name: seal.organisation }).then((c) => c.signer);
        issued.set(seal.organisation, signer);
      }
      return signer;
    },
  };
});

/** Lets the keys module (or a test) say which signer seals use. */
export function provideSealSigner(ctx: AppContext, resolver: SealSignerResolver): void {
  sealsDeps(ctx).signerFor = resolver;
}
