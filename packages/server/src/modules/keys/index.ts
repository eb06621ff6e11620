import type { Signer } from '@signx/pades';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/app-context.js';
import type { DbOrTrx } from '../../platform/db/schema.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import type { HsmRole } from '../../platform/trust/hsm-pki.js';
import './keys-messages.js';
import { keysAuditEvents, keysPermissions, keysTag } from './keys.catalogue.js';
import { keysDeps } from './keys.deps.js';
import { keysErrors } from './keys.errors.js';
import { expiryCheckJob, expiryCheckSchedule, selfTestJob, selfTestSchedule } from './keys.jobs.js';
import * as repo from './keys.repository.js';
import { keyRoutes } from './keys.routes.js';
import { provisionPlatformKey } from './platform-keys.service.js';
import {
  currentCertificate,
  describeCertificate,
  type OrganisationCertificateInfo,
  signerFor,
} from './signer.service.js';

export { can as keysPermissionCodes } from './keys.catalogue.js';
export { keysErrors } from './keys.errors.js';
export type { OrganisationCertificateInfo } from './signer.service.js';
export { isValidUscc, usccProblem } from './uscc.js';

/**
 * The keys module's public face for other modules (seals bind a seal to an organisation
 * certificate id). Nothing here hands out key material: only a pades `Signer`, whose key
 * stays wrapped in the database or inside the HSM.
 */
export const keys = {
  /**
   * The Signer of organisation certificate `certificateId`. A rotated certificate signs
   * with its current successor; revoked (40980), expired (40982) or unknown (40477) refuse.
   * Sign outside database transactions: an HSM call is external work.
   */
  signerFor(ctx: AppContext, certificateId: string): Promise<Signer> {
    return signerFor(keysDeps(ctx), certificateId);
  },
  /** Subject, organisation (legal name, USCC), serial, validity, state and current successor of a certificate. */
  certificateInfo(db: DbOrTrx, certificateId: string): Promise<OrganisationCertificateInfo> {
    return describeCertificate(db, certificateId);
  },
  /** The id of the certificate in force for `certificateId` (itself, or its latest rotation). */
  async currentCertificateId(db: DbOrTrx, certificateId: string): Promise<string> {
    return (await currentCertificate(db, certificateId)).id;
  },
  /** Generates or rotates the HSM key of the platform issuing CA or TSA (the `signx keys hsm` command). */
  provisionPlatformKey(
    ctx: AppContext,
    actor: Actor,
    role: HsmRole,
    mode: 'generate' | 'rotate',
    algorithm?: string,
  ) {
    return provisionPlatformKey(keysDeps(ctx), actor, role, mode, algorithm);
  },
  /** Active certificates (for pickers): id, legal name, USCC, serial, expiry. */
  async activeCertificates(db: DbOrTrx): Promise<OrganisationCertificateInfo[]> {
    const rows = await repo.activeCertificates(db);
    return Promise.all(rows.map((r) => describeCertificate(db, r.id)));
  },
};

export const keysModule: ModuleDefinition = {
  name: 'keys',
  tags: [keysTag],
  permissions: keysPermissions,
  auditEvents: keysAuditEvents,
  errors: keysErrors,
  jobs: [selfTestJob, expiryCheckJob],
  schedules: [selfTestSchedule, expiryCheckSchedule],
  routes: async (api, ctx) => mountRoutes(api, keysTag, keyRoutes(keysDeps(ctx))),
  onShutdown: async (ctx) => keysDeps(ctx).close(),
};
