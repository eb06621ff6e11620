import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { credentialRoutes } from './credentials.routes.js';
import { policyRoutes } from './policies.routes.js';
import { printoutRoutes } from './printout.routes.js';
import { recordsAuditEvents, recordsPermissions, recordsTag } from './records.catalogue.js';
import { recordsDeps } from './records.deps.js';
import { recordsErrors } from './records.errors.js';
import './records.regulated.js';
import { reviewRoutes } from './reviews.routes.js';
import './reviews.signable.js';
import { settingsRoutes } from './settings.routes.js';
import { signatureRoutes } from './signatures.routes.js';

export type { CeremonyComponent, ComponentName } from './components.js';
export type { RecordVersion, SignableOperation } from './operations.js';
export { registerSignableOperation } from './operations.js';
export {
  electronicSignatures,
  type Part11SignInput,
  type PendingSignature,
  part11CeremonyErrors,
} from './part11.js';
export { credentials as ceremonyCredentialsSchema } from './signatures.schemas.js';

/**
 * Electronic records and signatures (21 CFR Part 11, EU GMP Annex 11; docs/electronic-records.md).
 * Other modules: `registerSignableOperation` (at import time) to make an operation signable,
 * with a resolver of the exact record version.
 */
export const recordsModule: ModuleDefinition = {
  name: 'records',
  tags: [recordsTag],
  permissions: recordsPermissions,
  auditEvents: recordsAuditEvents,
  errors: recordsErrors,
  routes: async (api, ctx) => {
    const deps = recordsDeps(ctx);
    mountRoutes(api, recordsTag, [
      ...policyRoutes(deps),
      ...settingsRoutes(deps),
      ...signatureRoutes(deps),
      ...printoutRoutes(deps),
      ...credentialRoutes(deps),
      ...reviewRoutes(deps),
    ]);
  },
};
