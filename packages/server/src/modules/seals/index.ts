import { mountRoutes } from '../../platform/http/route.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { sealBatchRoutes } from './seal-batch.routes.js';
import { sealUseRoutes } from './seal-use.routes.js';
import { sealsAuditEvents, sealsPermissions, sealsTag } from './seals.catalogue.js';
import { sealsDeps } from './seals.deps.js';
import { sealsErrors } from './seals.errors.js';
import { sealRoutes } from './seals.routes.js';

export { type Placement, type SealLook, sealPdf } from './seal-sign.js';
/**
 * Organisation seals (组织印章). Other modules use:
 * - `provideSealSigner(ctx, resolver)`: which signer (organisation certificate) a seal signs with;
 * - `sealPdf(pdf, {signer, timestamper, look, placement})`: the sealing itself, no database.
 */
export { provideSealSigner, type SealSignerResolver } from './seals.deps.js';

export const sealsModule: ModuleDefinition = {
  name: 'seals',
  tags: [sealsTag],
  permissions: sealsPermissions,
  auditEvents: sealsAuditEvents,
  errors: sealsErrors,
  routes: async (api, ctx) =>
    mountRoutes(api, sealsTag, [
      ...sealUseRoutes(sealsDeps(ctx)),
      ...sealBatchRoutes(sealsDeps(ctx)),
      ...sealRoutes(sealsDeps(ctx)),
    ]),
};
