import multipart from '@fastify/multipart';
import type { AppContext } from '../../platform/app-context.js';
import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { accessRoutes } from './access/access.routes.js';
import { callbackRoutes } from './callbacks.routes.js';
import { evidenceJob } from './evidence/evidence.jobs.js';
import { evidenceRoutes } from './evidence/evidence.routes.js';
import { fieldErrors } from './fields.errors.js';
import { fieldRoutes } from './fields.routes.js';
import { bulkSendJob } from './instances/bulk-send.jobs.js';
import { bulkSendRoutes } from './instances/bulk-send.routes.js';
import { directLinkRoutes } from './instances/direct-links.routes.js';
import { inPersonRoutes } from './instances/in-person.routes.js';
import { installHostLock } from './instances/in-person-lock.hook.js';
import { instancesAuditEvents } from './instances/instances.catalogue.js';
import { instancesDeps } from './instances/instances.deps.js';
import { instancesErrors } from './instances/instances.errors.js';
import { templatePdfRoutes, templateSetupRoutes } from './instances/template-setup.routes.js';
import { internalSignRoutes } from './internal-sign.routes.js';
import { signForSigner } from './pdf-signing.js';
import { publicRoutes } from './public.routes.js';
import { createInternalRequest } from './request-api.js';
import { requestRoutes } from './requests.routes.js';
import { signatureRoutes } from './signatures.routes.js';
import { onSignerOutcome } from './signer-outcomes.js';
import { signingAuditEvents, signingPermissions, signingTag } from './signing.catalogue.js';
import { signingDeps } from './signing.deps.js';
import { signingErrors } from './signing.errors.js';
import {
  expirySweepJob,
  expirySweepSchedule,
  reminderSweepJob,
  reminderSweepSchedule,
  sealJob,
  stuckSealSweepJob,
  stuckSealSweepSchedule,
} from './signing.jobs.js';
import { signingIntegrationEvents } from './signing-events.js';
import { templateRoutes } from './templates.routes.js';
import { createTextPdf } from './text-pdf.js';
import { verificationErrors } from './verification/verification.errors.js';
import { acceptPdfBodies, verificationRoutes } from './verification/verification.routes.js';

/**
 * The signing module (seed 004 + issue 15): signature requests on any record, ordered
 * signers, a real PAdES signature per signer by a certificate from the platform CA, public
 * verification. Other modules register the entity types their records sign as.
 */
export const signing = {
  registerEntityType: (ctx: AppContext, type: string): void => signingDeps(ctx).entityTypes.register(type),
  /** The one way a person's PAdES signature with a visible appearance is made (records §11.50 too). */
  signPdfForSigner: signForSigner,
  /** Plain A4 text PDFs with CJK and Hebrew (per-character fonts, RTL lines): printouts too. */
  createTextPdf,
  /** A request to internal signers created and sent in the caller's transaction (approval signature nodes). */
  createInternalRequest,
  /** Called in the transaction of each signature or decline (signer-outcomes.ts). */
  onSignerOutcome,
};

export type { InternalRequestInput } from './request-api.js';
export type { SignerOutcome, SignerOutcomeListener } from './signer-outcomes.js';

export const signingModule: ModuleDefinition = {
  name: 'signing',
  tags: [signingTag],
  permissions: signingPermissions,
  // requests made from templates (instances/) declare their events beside the core ones
  auditEvents: {
    ...signingAuditEvents,
    declarations: [...signingAuditEvents.declarations, ...instancesAuditEvents.declarations],
  },
  integrationEvents: signingIntegrationEvents,
  errors: { ...signingErrors, ...verificationErrors, ...instancesErrors, ...fieldErrors },
  jobs: [sealJob, expirySweepJob, stuckSealSweepJob, reminderSweepJob, evidenceJob, bulkSendJob],
  schedules: [expirySweepSchedule, stuckSealSweepSchedule, reminderSweepSchedule],
  // The in-person host lock holds on every API route, not only in the admin app.
  install: async (app, ctx) => installHostLock(app, ctx),
  routes: async (api, ctx) => {
    const deps = signingDeps(ctx);
    mountRoutes(api, signingTag, [
      ...templateRoutes(deps),
      ...requestRoutes(deps),
      ...signatureRoutes(deps),
      ...publicRoutes(deps),
      ...fieldRoutes(deps),
      ...internalSignRoutes(deps),
      ...evidenceRoutes(deps),
      ...templateSetupRoutes(instancesDeps(ctx)),
      ...directLinkRoutes(instancesDeps(ctx)),
      ...inPersonRoutes(instancesDeps(ctx)),
      ...accessRoutes(deps),
      ...callbackRoutes(deps),
    ]);
    // Evidence and PDF verification (signing/evidence, signing/verification): own scope for PDF bodies.
    await api.register(async (scope) => {
      acceptPdfBodies(scope);
      mountRoutes(scope, signingTag, [...verificationRoutes(deps), ...templatePdfRoutes(instancesDeps(ctx))]);
    });
    // Bulk send (signing/instances): the only scope of this module that parses multipart bodies.
    await api.register(async (scope) => {
      await scope.register(multipart);
      mountRoutes(scope, signingTag, bulkSendRoutes(instancesDeps(ctx)));
    });
  },
};
